@guide:proxy-user-name @arrows
Feature: Entering Information - Proxy User Name
  "For the Proxy user name in the PROXY USER field you may enter a maximum of 32 characters
  including lower case letters, upper case letters, numbers, space, and underscore." (2022: "...
  numbers, and underscore.") "These special characters can be used: underscore (_), dash (-),
  backslash (\) , period (.), at sign (@)." (ERRATA-004: the at sign, in the place the PROXY
  PASSW table gives it; ERRATA-046: a space is never part of the name.)
  "The screen displays 16 characters of the PROXY USER field entry, and it scrolls left. For
  example, the first character of the Proxy user name is hidden when the 17th character is
  entered. As each additional character is entered, the Proxy user name scrolls left. The space
  character may be used to remove charaters."
  "The format of a Proxy user entry is: "domain\user". If there is a backslash in the middle of
  the entry, the Appliance interprets the string before the backslash as the domain name. No
  double backslashes (\\) are needed in front of the "domain\user" format."

  @PUSR-001
  Scenario: The proxy user name holds at most 32 characters
    Given the "PROXY USER:" prompt is shown
    When I key in "abcdefghijklmnopqrstuvwxyzABCDEF" at the "PROXY USER:" prompt
    Then the cursor is under character 16 of the field
    And the indicators are UP, DOWN, LEFT and ENTER
    When I press RIGHT
    Then the field reads "qrstuvwxyzABCDEF"
    And the whole field reads "abcdefghijklmnopqrstuvwxyzABCDEF"
    When I press ENTER
    And I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the whole field reads "abcdefghijklmnopqrstuvwxyzABCDEF"

  @fw-2017 @PUSR-002
  Scenario: 2017 - the proxy user name takes lower and upper case letters, numbers, space and underscore
    Given the "PROXY USER:" prompt is shown
    Then pressing UP 70 times puts each of "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 _" under the cursor

  @fw-2022 @PUSR-003
  Scenario: 2022 - the proxy user name takes lower and upper case letters, numbers and underscore
    Given the "PROXY USER:" prompt is shown
    Then pressing UP 70 times puts each of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_" under the cursor

  @PUSR-004 @ERRATA-004
  Scenario: The proxy user name takes the special characters _ - \ . @ and no others
    Given the "PROXY USER:" prompt is shown
    Then pressing UP 70 times puts each of "_-\@." under the cursor
    And pressing DOWN 70 times never puts any of "/|~!?#$%^&*+=(){}[]<>;\"`,:'" under the cursor

  @PUSR-004 @ENT-009 @ENT-010 @ERRATA-004 @ERRATA-034
  Scenario Outline: In PROXY USER:, <presses> presses of Up from the space character show <character> (<name>)
    Given the "PROXY USER:" field is blank
    When I press UP <presses> times
    Then the character under the cursor is <character> (<name>)

    Examples:
      | presses | character | name                   |
      | 1       | a         | first lowercase letter |
      | 26      | z         | last lowercase letter  |
      | 28      | 0         | first number           |
      | 37      | 9         | last number            |
      | 38      | _         | underscore             |
      | 39      | -         | dash                   |
      | 40      | \\        | backslash              |
      | 41      | @         | at sign                |
      | 42      | .         | period                 |
      | 43      | A         | first uppercase letter |
      | 68      | Z         | last uppercase letter  |

  @PUSR-004 @ENT-011 @ENT-012 @ERRATA-004 @ERRATA-034
  Scenario Outline: In PROXY USER:, <presses> presses of Down from the space character show <character> (<name>)
    Given the "PROXY USER:" field is blank
    When I press DOWN <presses> times
    Then the character under the cursor is <character> (<name>)

    Examples:
      | presses | character | name                   |
      | 1       | Z         | last uppercase letter  |
      | 26      | A         | first uppercase letter |
      | 27      | .         | period                 |
      | 28      | @         | at sign                |
      | 29      | \\        | backslash              |
      | 30      | -         | dash                   |
      | 31      | _         | underscore             |
      | 32      | 9         | last number            |
      | 41      | 0         | first number           |
      | 43      | z         | last lowercase letter  |
      | 68      | a         | first lowercase letter |

  @PUSR-005 @PUSR-006 @PUSR-007
  Scenario Outline: The PROXY USER: field shows 16 characters: entering "<entry>" shows "<shown>"
    Given the "PROXY USER:" prompt is shown
    When I key in "<entry>" at the "PROXY USER:" prompt
    Then the field reads "<shown>"
    And the cursor is under character 16 of the field

    Examples:
      | entry              | shown            |
      | abcdefghijklmnop   | abcdefghijklmnop |
      | abcdefghijklmnopq  | bcdefghijklmnopq |
      | abcdefghijklmnopqr | cdefghijklmnopqr |

  @PUSR-005 @PUSR-007
  Scenario: Moving back to the start of a long proxy user name shows its first 16 characters again
    Given the "PROXY USER:" prompt is shown
    When I key in "abcdefghijklmnopqr" at the "PROXY USER:" prompt
    And I press LEFT 17 times
    Then the field reads "abcdefghijklmnop"
    And the cursor is under character 1 of the field

  @PUSR-008 @ENT-017 @ENT-018 @ENT-019 @ERRATA-041 @ERRATA-046
  Scenario: A character of the proxy user name replaced by a space is removed
    Given the "PROXY USER:" prompt is shown
    When I enter "jdxoe" at the "PROXY USER:" prompt
    And I press ENTER
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "jdxoe"
    When I press RIGHT 2 times
    And I press UP until the character under the cursor is " "
    Then the field reads "jd oe"
    When I press ENTER
    Then the screen shows "PROXY PASSW"
    When I press ENTER
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "jdoe"

  @PUSR-009 @PUSR-011
  Scenario: A "domain\user" entry is made with a single backslash and kept as entered
    Given the "PROXY USER:" prompt is shown
    When I key in "CORP\jdoe" at the "PROXY USER:" prompt
    Then the field reads "CORP\jdoe"
    And the cursor is under character 9 of the field
    When I press LEFT 4 times
    Then the character under the cursor is \ (backslash)
    When I press ENTER
    And I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY USER:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "CORP\jdoe"
