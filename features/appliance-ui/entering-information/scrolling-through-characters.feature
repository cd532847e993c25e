@guide:entering-information @arrows
Feature: Entering Information - Scrolling through Characters
  "Press the Up arrow to scroll through characters in ascending order. Starting from the space
  character, the characters appear in this order: lowercase letters (a to z), space, numbers
  (0 to 9), underscore, special characters (for Proxy user name and password only), uppercase
  letters (A to Z)."
  "Press the Down arrow to scroll through characters in descending order. Starting from the space
  character, the characters appear in this order: uppercase letters (Z to A), special characters
  (for Proxy user name and password only), underscore, numbers (9 to 0), space, lowercase letters
  (z to a)."
  Each field shows the characters it allows, in this order: the proxy user name's special
  characters are "underscore (_), dash (-), backslash (\) , period (.), at sign (@)", in the order
  of the PROXY PASSW table (ERRATA-004); the password's are the table's 30, the underscore first
  (ERRATA-034). Down from the space character shows Z first, so Up from Z comes back to the space.

  @ENT-009 @ENT-010 @ERRATA-004 @ERRATA-034
  Scenario: Up in PROXY USER: shows its characters in ascending order
    Given the "PROXY USER:" field is blank
    Then the character under the cursor is " "
    And pressing UP shows "abcdefghijklmnopqrstuvwxyz 0123456789_-\@.ABCDEFGHIJKLMNOPQRSTUVWXYZ" in turn
    When I press UP
    Then the character under the cursor is " "

  @ENT-011 @ENT-012 @ERRATA-004 @ERRATA-034
  Scenario: Down in PROXY USER: shows its characters in descending order
    Given the "PROXY USER:" field is blank
    Then the character under the cursor is " "
    And pressing DOWN shows "ZYXWVUTSRQPONMLKJIHGFEDCBA.@\-_9876543210 zyxwvutsrqponmlkjihgfedcba" in turn
    When I press DOWN
    Then the character under the cursor is " "

  @ENT-009 @ENT-010 @ERRATA-034 @ERRATA-030 @ERRATA-032
  Scenario: Up in PROXY PASSW shows its characters in ascending order
    Given the "PROXY PASSW" field is blank
    Then the character under the cursor is " "
    And pressing UP shows "abcdefghijklmnopqrstuvwxyz 0123456789_-\/|~!?@#$%^&*+=(){}[]<>;\"`,.ABCDEFGHIJKLMNOPQRSTUVWXYZ" in turn
    When I press UP
    Then the character under the cursor is " "

  @ENT-011 @ENT-012 @ERRATA-034 @ERRATA-030 @ERRATA-032
  Scenario: Down in PROXY PASSW shows its characters in descending order
    Given the "PROXY PASSW" field is blank
    Then the character under the cursor is " "
    And pressing DOWN shows "ZYXWVUTSRQPONMLKJIHGFEDCBA.,`\";><][}{)(=+*&^%$#@?!~|/\-_9876543210 zyxwvutsrqponmlkjihgfedcba" in turn
    When I press DOWN
    Then the character under the cursor is " "

  # The domain field allows "uppercase letters, numbers, underscore(_), and period (.)": no
  # lowercase letters (ERRATA-003), the period where the special characters come (ERRATA-100).
  @fw-2017 @ENT-009 @ENT-010 @ERRATA-003 @ERRATA-100
  Scenario: Up in DOMAIN NAME shows its characters in ascending order
    Given the "DOMAIN NAME" field is blank
    Then the character under the cursor is " "
    And pressing UP shows "0123456789_.ABCDEFGHIJKLMNOPQRSTUVWXYZ" in turn
    When I press UP
    Then the character under the cursor is " "

  @fw-2017 @ENT-011 @ENT-012 @ERRATA-003 @ERRATA-100
  Scenario: Down in DOMAIN NAME shows its characters in descending order
    Given the "DOMAIN NAME" field is blank
    Then the character under the cursor is " "
    And pressing DOWN shows "ZYXWVUTSRQPONMLKJIHGFEDCBA._9876543210" in turn
    When I press DOWN
    Then the character under the cursor is " "

  # 2022: the Down arrow opens insert/delete mode in WINS DOMAIN (ERRATA-044); Up scrolls.
  @fw-2022 @ENT-009 @ENT-010 @ERRATA-003 @ERRATA-100 @ERRATA-009
  Scenario: Up in WINS DOMAIN shows its characters in ascending order
    Given the "WINS DOMAIN" field is blank
    Then the character under the cursor is " "
    And pressing UP shows "0123456789_.ABCDEFGHIJKLMNOPQRSTUVWXYZ" in turn
    When I press UP
    Then the character under the cursor is " "

  @ENT-002 @ENT-014
  Scenario: Each field offers only its own characters
    Given the "PROXY USER:" prompt is shown
    Then pressing UP 70 times never puts any of "/|~!?#$%^&*+=(){}[]<>;\"`,:'" under the cursor
    When I press ENTER
    Then the screen shows "PROXY PASSW"
    And pressing UP 95 times puts each of "/|~!?#$%^&*+=(){}[]<>;\"`," under the cursor

  @ENT-002 @ENT-014
  Scenario: The proxy password offers no character outside its table
    Given the "PROXY PASSW" prompt is shown
    Then pressing UP 95 times never puts any of "'" under the cursor
