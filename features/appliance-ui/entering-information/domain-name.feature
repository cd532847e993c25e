@guide:domain-name @arrows
Feature: Entering Information - Domain Name (2017) / Windows Domain Name (2022)
  2017: "The DOMAIN NAME field in the static IP address configuration allows you to enter the
  domain name for the DNS server (for example, mydomain.com)."
  2022: "The wins domain field in the static IP address configuration allows you to enter the
  domain name (for example, mydomain.com)." The 2022 prompt is WINS DOMAIN (ERRATA-009).
  "The domain name entry can have a maximum length of 32 characters. These characters are
  allowed: uppercase letters, numbers, underscore(_), and period (.)." - so the example is
  entered as MYDOMAIN.COM (ERRATA-003).
  "The screen displays 16 characters of the DOMAIN NAME field entry and it scrolls left. For
  example, the first character of the domain name is hidden when the 17th character is entered.
  As each additional character is entered, the domain name scrolls left."
  "Tips - The space character may be used to remove characters when editing the domain name
  entry. There's a shortcut for clearing a domain name entry. Just press the Left arrow and Right
  arrow at the same time."

  @fw-2017 @DOM-001 @ERRATA-003
  Scenario: The DOMAIN NAME field follows LAN WINS2 and keeps the domain entered
    Given the "LAN WINS2" prompt is shown
    When I press ENTER
    Then the screen shows "DOMAIN NAME"
    When I enter "MYDOMAIN.COM" at the "DOMAIN NAME" prompt
    Then the screen shows "REALLY SET LAN STATIC NETWORK?"
    When I press ENTER
    And I go back to the "DOMAIN NAME" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "MYDOMAIN.COM"

  @fw-2022 @DOM-002 @ERRATA-003 @ERRATA-009
  Scenario: The WINS DOMAIN field follows LAN WINS2 and keeps the domain entered
    Given the "LAN WINS2" prompt is shown
    When I press ENTER
    Then the screen shows "WINS DOMAIN"
    When I enter "MYDOMAIN.COM" at the "WINS DOMAIN" prompt
    Then the screen shows "REALLY SET LAN STATIC NETWORK?"
    When I press ENTER
    And I go back to the "WINS DOMAIN" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "MYDOMAIN.COM"

  @DOM-004 @ERRATA-003
  Scenario Outline: <prompt> offers uppercase letters, numbers, underscore and period, and nothing else
    Given the "<prompt>" prompt is shown
    Then pressing UP 40 times puts each of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_." under the cursor
    And pressing UP 40 times never puts any of "abcdefghijklmnopqrstuvwxyz-@\:/#" under the cursor

    @fw-2017
    Examples:
      | prompt      |
      | DOMAIN NAME |

    @fw-2022 @ERRATA-009
    Examples:
      | prompt      |
      | WINS DOMAIN |

  # From the space character: numbers, underscore, period (ERRATA-100), uppercase letters.
  @DOM-004 @ENT-009 @ENT-010 @ERRATA-100
  Scenario Outline: In <prompt>, <presses> presses of Up from the space character show <character> (<name>)
    Given the "<prompt>" field is blank
    When I press UP <presses> times
    Then the character under the cursor is <character> (<name>)

    @fw-2017
    Examples:
      | prompt      | presses | character | name                 |
      | DOMAIN NAME | 1       | 0         | first number         |
      | DOMAIN NAME | 10      | 9         | last number          |
      | DOMAIN NAME | 11      | _         | underscore           |
      | DOMAIN NAME | 12      | .         | period               |
      | DOMAIN NAME | 13      | A         | first uppercase letter |
      | DOMAIN NAME | 38      | Z         | last uppercase letter |

    @fw-2022 @ERRATA-009
    Examples:
      | prompt      | presses | character | name                 |
      | WINS DOMAIN | 1       | 0         | first number         |
      | WINS DOMAIN | 10      | 9         | last number          |
      | WINS DOMAIN | 11      | _         | underscore           |
      | WINS DOMAIN | 12      | .         | period               |
      | WINS DOMAIN | 13      | A         | first uppercase letter |
      | WINS DOMAIN | 38      | Z         | last uppercase letter |

  # 2022: Down opens insert/delete mode in WINS DOMAIN (ERRATA-044), so only 2017 scrolls down.
  @fw-2017 @DOM-004 @ENT-011 @ENT-012 @ERRATA-100
  Scenario Outline: In DOMAIN NAME, <presses> presses of Down from the space character show <character> (<name>)
    Given the "DOMAIN NAME" field is blank
    When I press DOWN <presses> times
    Then the character under the cursor is <character> (<name>)

    Examples:
      | presses | character | name                   |
      | 1       | Z         | last uppercase letter  |
      | 26      | A         | first uppercase letter |
      | 27      | .         | period                 |
      | 28      | _         | underscore             |
      | 29      | 9         | last number            |
      | 38      | 0         | first number           |

  @DOM-003
  Scenario Outline: The <prompt> entry holds at most 32 characters
    Given the "<prompt>" prompt is shown
    When I key in "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" at the "<prompt>" prompt
    Then the cursor is under character 16 of the field
    And the indicators are UP, DOWN, LEFT and ENTER
    When I press RIGHT
    Then the field reads "QRSTUVWXYZ012345"
    And the cursor is under character 16 of the field
    And the whole field reads "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"
    When I press ENTER
    Then the screen shows "REALLY SET LAN STATIC NETWORK?"
    When I press ENTER
    And I go back to the "<prompt>" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "ABCDEFGHIJKLMNOP"
    And the whole field reads "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"

    @fw-2017
    Examples:
      | prompt      |
      | DOMAIN NAME |

    @fw-2022 @ERRATA-009
    Examples:
      | prompt      |
      | WINS DOMAIN |

  @DOM-007 @DOM-008
  Scenario Outline: The <prompt> field shows 16 characters: entering "<entry>" shows "<shown>"
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    Then the field reads "<shown>"
    And the cursor is under character 16 of the field

    @fw-2017 @DOM-005
    Examples:
      | prompt      | entry              | shown            |
      | DOMAIN NAME | ABCDEFGHIJKLMNOP   | ABCDEFGHIJKLMNOP |
      | DOMAIN NAME | ABCDEFGHIJKLMNOPQ  | BCDEFGHIJKLMNOPQ |
      | DOMAIN NAME | ABCDEFGHIJKLMNOPQR | CDEFGHIJKLMNOPQR |

    @fw-2022 @DOM-006 @ERRATA-009
    Examples:
      | prompt      | entry              | shown            |
      | WINS DOMAIN | ABCDEFGHIJKLMNOP   | ABCDEFGHIJKLMNOP |
      | WINS DOMAIN | ABCDEFGHIJKLMNOPQ  | BCDEFGHIJKLMNOPQ |
      | WINS DOMAIN | ABCDEFGHIJKLMNOPQR | CDEFGHIJKLMNOPQR |

  @DOM-008
  Scenario Outline: Moving back to the start of a long <prompt> entry shows its first 16 characters again
    Given the "<prompt>" prompt is shown
    When I key in "ABCDEFGHIJKLMNOPQR" at the "<prompt>" prompt
    And I press LEFT 17 times
    Then the field reads "ABCDEFGHIJKLMNOP"
    And the cursor is under character 1 of the field

    @fw-2017 @DOM-005
    Examples:
      | prompt      |
      | DOMAIN NAME |

    @fw-2022 @DOM-006 @ERRATA-009
    Examples:
      | prompt      |
      | WINS DOMAIN |

  @DOM-009 @ENT-017 @ENT-018 @ENT-019 @ERRATA-041
  Scenario Outline: A character of <prompt> replaced by a space is removed
    Given the "<prompt>" prompt is shown
    When I enter "MYDOMAINX.COM" at the "<prompt>" prompt
    And I press ENTER
    And I go back to the "<prompt>" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "MYDOMAINX.COM"
    When I press RIGHT 8 times
    And I press UP until the character under the cursor is " "
    Then the field reads "MYDOMAIN .COM"
    When I press ENTER
    Then the screen shows "REALLY SET LAN STATIC NETWORK?"
    When I press ENTER
    And I go back to the "<prompt>" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "MYDOMAIN.COM"

    @fw-2017
    Examples:
      | prompt      |
      | DOMAIN NAME |

    @fw-2022 @ERRATA-009
    Examples:
      | prompt      |
      | WINS DOMAIN |

  @DOM-010 @ERRATA-040
  Scenario Outline: Left and Right pressed together clear the <prompt> entry
    Given the "<prompt>" prompt is shown
    When I key in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" at the "<prompt>" prompt
    And I press LEFT 3 times
    And I press LEFT and RIGHT together
    Then the field is blank
    And the cursor is under character 1 of the field
    And the whole field reads ""

    @fw-2017
    Examples:
      | prompt      |
      | DOMAIN NAME |

    @fw-2022 @ERRATA-009
    Examples:
      | prompt      |
      | WINS DOMAIN |

  @DOM-010 @ERRATA-040
  Scenario Outline: Left and Right pressed together do nothing in the <prompt> field
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I press LEFT
    And I press LEFT and RIGHT together
    Then the field reads "<entry>"
    And the cursor is under character <cursor> of the field

    Examples:
      | prompt      | entry           | cursor |
      | PROXY USER: | jdoe            | 3      |
      | PROXY PASSW | secret          | 5      |
      | LAN WINS1   | 194.055.176.002 | 14     |
