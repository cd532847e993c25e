@guide:insert-delete @fw-2022 @arrows
Feature: Entering Information - Inserting and Deleting Characters (2022)
  "Some fields allow you to insert and delete characters. This is supported for PROXY HOST and
  WINS DOMAIN, and is especially useful when updating long FQDN values or IPv6 addresses (when in
  IPv6-only mode). Go to the field you need to modify and press the Down arrow to activate
  insert/delete mode. Press the Down arrow again to navigate through the menu options.
  - When Delete Previous? appears, scroll through the characters and press Enter to delete the
    character in the previous position. This option does not appear for the first character in
    the field.
  - When Insert Character? appears, press Enter and then type or scroll through the characters
    to insert a character at the current position.
  - When Done editing? appears, press Enter to confirm. Or press the Up arrow to continue with
    edits to the field value"
  The options take the place of the field's prompt; Down moves through them and round again, Up
  goes back to editing (ERRATA-044). Insert Character? is offered while the field's last position
  is blank (ERRATA-045).

  @INS-001 @INS-002 @INS-003 @ERRATA-044
  Scenario Outline: The Down arrow activates insert/delete mode in <prompt>
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I move the cursor to position 2 of the entry
    And I press DOWN
    Then line 1 reads "Delete Previous?"
    And the field reads "<entry>"
    And the cursor is under character 2 of the field
    And the indicators are UP, DOWN and ENTER

    Examples:
      | prompt      | entry             |
      | PROXY HOST  | PROXY.CORP.COM |
      | WINS DOMAIN | MYDOMAIN.COM      |

  @INS-003 @INS-004 @ERRATA-044
  Scenario Outline: The Down arrow moves through the options of insert/delete mode in <prompt>
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I move the cursor to position 2 of the entry
    And I press DOWN
    Then line 1 reads "Delete Previous?"
    When I press DOWN
    Then line 1 reads "Insert Character?"
    When I press DOWN
    Then line 1 reads "Done editing?"
    When I press DOWN
    Then line 1 reads "Delete Previous?"
    And the field reads "<entry>"

    Examples:
      | prompt      | entry             |
      | PROXY HOST  | PROXY.CORP.COM |
      | WINS DOMAIN | MYDOMAIN.COM      |

  @INS-006 @ERRATA-044
  Scenario Outline: Delete Previous? does not appear at the first character of <prompt>
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I move the cursor to position 1 of the entry
    Then the cursor is under character 1 of the field
    And the field reads "<entry>"
    When I press DOWN
    Then line 1 reads "Insert Character?"
    When I press DOWN
    Then line 1 reads "Done editing?"
    When I press DOWN
    Then line 1 reads "Insert Character?"

    Examples:
      | prompt      | entry             |
      | PROXY HOST  | PROXY.CORP.COM |
      | WINS DOMAIN | MYDOMAIN.COM      |

  @INS-005 @INS-008
  Scenario: Delete Previous? deletes the character before the cursor in WINS DOMAIN
    Given the "WINS DOMAIN" prompt is shown
    When I key in "MYYDOMAIN.COM" at the "WINS DOMAIN" prompt
    And I press LEFT 9 times
    Then the character under the cursor is "D"
    And the cursor is under character 4 of the field
    When I press DOWN
    Then line 1 reads "Delete Previous?"
    When I press ENTER
    Then line 1 reads "WINS DOMAIN"
    And the field reads "MYDOMAIN.COM"
    And the cursor is under character 3 of the field
    And the character under the cursor is "D"
    When I press DOWN until "Done editing?" appears
    And I press ENTER
    Then the screen shows "REALLY SET LAN STATIC NETWORK?"
    When I press ENTER
    And I go back to the "WINS DOMAIN" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "MYDOMAIN.COM"

  @INS-007 @INS-008
  Scenario: Insert Character? opens a position at the cursor in PROXY HOST
    Given the "PROXY HOST" prompt is shown
    When I key in "PRXY.CORP.COM" at the "PROXY HOST" prompt
    And I move the cursor to position 3 of the entry
    Then the character under the cursor is "X"
    When I press DOWN 2 times
    Then line 1 reads "Insert Character?"
    When I press ENTER
    Then line 1 reads "PROXY HOST"
    And the field reads "PR XY.CORP.COM"
    And the cursor is under character 3 of the field
    And the character under the cursor is " "
    When I press UP until the character under the cursor is "O"
    Then the field reads "PROXY.CORP.COM"
    When I press DOWN until "Done editing?" appears
    And I press ENTER
    Then the screen shows "PROXY PORT:"
    When I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY HOST" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "PROXY.CORP.COM"

  @INS-008
  Scenario Outline: Done editing? confirms the <prompt> entry
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I press DOWN until "Done editing?" appears
    And I press ENTER
    Then the screen shows "<next>"

    Examples:
      | prompt      | entry             | next                           |
      | PROXY HOST  | PROXY.CORP.COM | PROXY PORT:                    |
      | WINS DOMAIN | MYDOMAIN.COM      | REALLY SET LAN STATIC NETWORK? |

  @INS-009 @ERRATA-044
  Scenario Outline: The Up arrow goes back to editing <prompt> from <option>
    Given the "<prompt>" prompt is shown
    When I key in "<entry>" at the "<prompt>" prompt
    And I move the cursor to position 2 of the entry
    And I press DOWN until "<option>" appears
    And I press UP
    Then line 1 reads "<prompt>"
    And the field reads "<entry>"
    And the cursor is under character 2 of the field
    When I press UP
    Then the character under the cursor is "<next>"

    Examples:
      | prompt      | entry          | option            | next |
      | WINS DOMAIN | MYDOMAIN.COM   | Delete Previous?  | Z    |
      | WINS DOMAIN | MYDOMAIN.COM   | Insert Character? | Z    |
      | WINS DOMAIN | MYDOMAIN.COM   | Done editing?     | Z    |
      | PROXY HOST  | PROXY.CORP.COM | Done editing?     | S    |

  @INS-007 @ERRATA-045
  Scenario: Insert Character? is not offered while the last position of WINS DOMAIN is taken
    Given the "WINS DOMAIN" prompt is shown
    When I key in "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345" at the "WINS DOMAIN" prompt
    And I press DOWN
    Then line 1 reads "Delete Previous?"
    When I press DOWN
    Then line 1 reads "Done editing?"
    When I press DOWN
    Then line 1 reads "Delete Previous?"
