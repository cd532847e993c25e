@guide:entering-information @arrows
Feature: Entering Information - Up and Down Arrows
  "The Left and Right arrows move the cursor to the left and right and the Up and Down arrows
  are used to scroll through characters."
  "In numeric entry fields, you press the Up and Down arrows to select a value between 0 and 9.
  When a numeric entry field is first displayed, a default value appears."
  "In text entry fields where you enter a user name and password, you press the Up and Down
  arrows to select a character (numeric, alphabetic, space, underscore or special character).
  In these fields, you can hold the Up arrow or the Down arrow to scroll through the available
  characters. When a text entry field is first displayed, the text entry field is blank (filled
  with spaces)."

  @ENT-001 @ENT-003
  Scenario: Left and Right move the cursor, Up and Down scroll the character under it
    Given the "PROXY USER:" field is blank
    Then the cursor is under character 1 of the field
    When I press UP
    Then the character under the cursor is "a"
    When I press RIGHT
    Then the cursor is under character 2 of the field
    When I press UP 2 times
    Then the character under the cursor is "b"
    When I press DOWN
    Then the character under the cursor is "a"
    When I press LEFT
    Then the cursor is under character 1 of the field
    And the character under the cursor is "a"
    And the field reads "aa"

  # "When the prompt VLAN 0-4094 appears ... The value "0000" appears in the screen by default."
  # "Port "0443" appears in the screen by default." (four digits: ERRATA-024)
  @ENT-005 @ERRATA-024
  Scenario Outline: The numeric field <prompt> first shows its default value <default>
    Given the appliance has its factory network settings
    And the "<prompt>" prompt is shown
    Then the field reads "<default>"
    And the cursor is under character 1 of the field

    Examples:
      | prompt      | default |
      | VLAN 0-4094 | 0000    |
      | PROXY PORT: | 0443    |

  @ENT-004 @ERRATA-042
  Scenario: Up and Down select a digit from 0 to 9, and wrap around
    Given the appliance has its factory network settings
    And the "VLAN 0-4094" prompt is shown
    When I press UP
    Then the field reads "1000"
    When I press UP 8 times
    Then the field reads "9000"
    When I press UP
    Then the field reads "0000"
    When I press DOWN
    Then the field reads "9000"
    When I press DOWN 9 times
    Then the field reads "0000"

  @ENT-004 @ERRATA-042
  Scenario: Left and Right move between the digits of a numeric field and stop at its ends
    Given the appliance has its factory network settings
    And the "PROXY PORT:" prompt is shown
    Then the indicators are UP, DOWN, RIGHT and ENTER
    When I press RIGHT 3 times
    Then the cursor is under character 4 of the field
    And the indicators are UP, DOWN, LEFT and ENTER
    When I press RIGHT
    Then the cursor is under character 4 of the field
    When I press UP
    Then the field reads "0444"

  # "VLAN 0-4094": ERRATA-021 (a value outside the range is refused with a visible reason).
  @ENT-004 @ERRATA-021
  Scenario: A VLAN ID over 4094 is refused and the field keeps it for correction
    Given the "VLAN 0-4094" prompt is shown
    When I key in "4095" at the "VLAN 0-4094" prompt
    And I press ENTER
    Then the "VLAN 0-4094" prompt is shown again
    And the field reads "4095"

  @ENT-004 @ERRATA-021
  Scenario: A proxy port of 0000 is refused
    Given the "PROXY PORT:" prompt is shown
    When I key in "0000" at the "PROXY PORT:" prompt
    And I press ENTER
    Then the "PROXY PORT:" prompt is shown again
    And the field reads "0000"

  @ENT-004 @ENT-005
  Scenario: The VLAN ID entered is the one the field shows when revisited
    Given the "VLAN 0-4094" prompt is shown
    When I enter "4094" at the "VLAN 0-4094" prompt
    And I go back to the "VLAN 0-4094" prompt through "CHANGE VLAN ON LAN"
    Then the field reads "4094"

  @ENT-004 @ENT-005
  Scenario: The proxy port entered is the one the field shows when revisited
    Given the "PROXY PORT:" prompt is shown
    When I enter "8080" at the "PROXY PORT:" prompt
    Then the screen shows "PROXY USER:"
    When I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY PORT:" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "8080"

  @ENT-008
  Scenario Outline: The text field <prompt> is blank when first displayed
    Given the appliance has its factory network settings
    And the "<prompt>" prompt is shown
    Then the field is blank
    And the cursor is under character 1 of the field

    Examples:
      | prompt      |
      | PROXY USER: |
      | PROXY PASSW |

  @fw-2017 @ENT-008
  Scenario: The DOMAIN NAME field is blank when first displayed
    Given the appliance has its factory network settings
    And the "DOMAIN NAME" prompt is shown
    Then the field is blank
    And the cursor is under character 1 of the field

  @fw-2022 @ENT-008 @ERRATA-009
  Scenario: The WINS DOMAIN field is blank when first displayed
    Given the appliance has its factory network settings
    And the "WINS DOMAIN" prompt is shown
    Then the field is blank
    And the cursor is under character 1 of the field

  @ENT-006
  Scenario Outline: In <prompt> the arrows select numeric, alphabetic, space, underscore and special characters
    Given the "<prompt>" prompt is shown
    Then pressing UP 100 times puts each of "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 _" under the cursor
    And pressing DOWN 100 times puts each of "<special>" under the cursor

    Examples:
      | prompt      | special |
      | PROXY USER: | -@.     |
      | PROXY PASSW | -@.#!*  |

  # The guide gives no repeat rate: a hold of one second must move the character under the
  # cursor further than one press would (a going up, Z going down), and stay within the letters.
  @ENT-007
  Scenario Outline: Holding Up or Down in <prompt> scrolls through the characters quickly
    Given the "<prompt>" prompt is shown
    When I hold UP for 1 second
    Then the character under the cursor is one of "cdefghijklmnopqrstuvwxyz"
    When I press RIGHT
    And I hold DOWN for 1 second
    Then the character under the cursor is one of "ABCDEFGHIJKLMNOPQRSTUVWX"

    Examples:
      | prompt      |
      | PROXY USER: |
      | PROXY PASSW |
