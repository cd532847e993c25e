@guide:navigation-indicators
Feature: Navigating the Appliance UI - Navigation Indicators
  "Each Scanner Appliance screen displays one or more indicators in the top right corner,
  indicating the navigation options available from the current screen."

    | LCD Button | Description                                                          |
    | ENTER      | Confirm a selection. After you press ENTER, another screen appears.  |
    | RIGHT      | Move the cursor to the right in an entry field.                      |
    | LEFT       | Move the cursor to the left in an entry field.                       |
    | UP         | Increase the value in an entry field; Move up through menu options;  |
    |            | Cancel a confirmation message                                        |
    | DOWN       | Decrease the value in an entry field; Move down through menu options |

  "Note these important guidelines for using buttons: 1) Press one button at a time, 2) Do not
  hold down an arrow button (except as noted in guideline 3), instead press the arrow multiple
  times, and 3) When entering a user name or password, you can hold down the Up and Down arrow
  buttons to scroll through characters quickly."

  Each scenario checks the indicators a kind of screen shows, that the keys they name act there
  and that the keys they leave out do nothing.

  Rule: Menus

    @NAV-001 @NAV-009 @NAV-002 @ERRATA-005
    Scenario: The first menu option shows Down and ENTER
      Given the main menu is shown
      Then the screen shows "SETUP NETWORK"
      And the indicators are DOWN and ENTER
      And pressing UP, LEFT and RIGHT does nothing
      When I press DOWN
      Then the screen shows "SYSTEM REBOOT"

    @NAV-001 @NAV-006 @NAV-009
    Scenario: A menu option in the middle shows Up, Down and ENTER
      Given the "SYSTEM REBOOT" menu item is shown
      Then the indicators are UP, DOWN and ENTER
      And pressing LEFT and RIGHT does nothing
      When I press DOWN
      Then the screen shows "SYSTEM SHUTDOWN"
      When I press UP
      Then the screen shows "SYSTEM REBOOT"
      When I press UP
      Then the screen shows "SETUP NETWORK"

    @NAV-001 @NAV-006 @NAV-002 @ERRATA-005
    Scenario: The last menu option shows Up and ENTER
      Given the "EXIT THIS MENU" menu item is shown
      Then the indicators are UP and ENTER
      And pressing DOWN, LEFT and RIGHT does nothing
      When I press UP
      Then the screen shows "SYSTEM SHUTDOWN"

    @NAV-002
    Scenario: ENTER on a menu option shows another screen
      Given the "SYSTEM REBOOT" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY REBOOT SYSTEM?"

  Rule: Confirmation messages

    @NAV-001 @NAV-007 @ERRATA-043
    Scenario: A confirmation message shows Up and ENTER; Up cancels it
      Given the "SYSTEM REBOOT" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY REBOOT SYSTEM?"
      And the indicators are UP and ENTER
      And pressing DOWN, LEFT and RIGHT does nothing
      When I press UP
      Then the screen shows "SYSTEM REBOOT"

    @NAV-002 @NAV-007 @ERRATA-019
    Scenario: Where the guide says to press the Up arrow two times, the first press leaves the confirmation on screen
      # "Or press the Up arrow two times to quit this procedure and return to the SETUP NETWORK menu option."
      Given no proxy is configured
      And the "ENABLE PROXY" menu item is shown
      When I press ENTER
      Then the screen shows "CONFIG PROXY PARAMETERS"
      And the indicators are UP and ENTER
      And pressing DOWN, LEFT and RIGHT does nothing
      When I press UP
      Then the screen shows "CONFIG PROXY PARAMETERS"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item

    @NAV-002 @NAV-007 @ERRATA-019
    Scenario: Where the guide says to press the Up arrow once, one press cancels
      # "Or press the Up arrow to quit this procedure and return to the SETUP NETWORK menu option."
      Given the "ENABLE STATIC IP ON LAN" menu item is shown
      When I press ENTER
      Then the screen shows "CFG LAN STATIC NETWORK PARAMS?"
      And the indicators are UP and ENTER
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item

  Rule: Entry fields

    # "When the prompt VLAN 0-4094 appears, specify the VLAN ID. The value "0000" appears in the
    # screen by default."
    @NAV-001 @NAV-003 @NAV-005 @NAV-008
    Scenario: At the first digit of a numeric field: Up, Down, Right and ENTER
      Given the "VLAN 0-4094" prompt is shown
      Then the field reads "0000"
      And the cursor is under character 1 of the field
      And the indicators are UP, DOWN, RIGHT and ENTER
      And pressing LEFT does nothing
      When I press UP
      Then the field reads "1000"
      When I press UP
      Then the field reads "2000"
      When I press DOWN
      Then the field reads "1000"
      When I press RIGHT
      Then the cursor is under character 2 of the field

    @NAV-001 @NAV-003 @NAV-004 @NAV-005 @NAV-008
    Scenario: At a middle digit of a numeric field: all five keys
      Given the "VLAN 0-4094" prompt is shown
      When I press RIGHT
      Then the cursor is under character 2 of the field
      And the indicators are UP, DOWN, LEFT, RIGHT and ENTER
      When I press UP
      Then the field reads "0100"
      When I press DOWN
      Then the field reads "0000"
      When I press RIGHT
      Then the cursor is under character 3 of the field
      When I press LEFT
      Then the cursor is under character 2 of the field
      When I press LEFT
      Then the cursor is under character 1 of the field

    @NAV-001 @NAV-004 @NAV-005
    Scenario: At the last digit of a numeric field: Up, Down, Left and ENTER
      Given the "VLAN 0-4094" prompt is shown
      When I press RIGHT 3 times
      Then the cursor is under character 4 of the field
      And the indicators are UP, DOWN, LEFT and ENTER
      And pressing RIGHT does nothing
      When I press UP
      Then the field reads "0001"
      When I press LEFT
      Then the cursor is under character 3 of the field

    @NAV-001 @NAV-002
    Scenario: ENTER in an entry field confirms it and shows the next screen
      Given the "LAN IP ADDR" prompt is shown
      Then the indicators are UP, DOWN, RIGHT and ENTER
      When I press ENTER
      Then the screen shows "LAN NETMASK"

    @NAV-001 @NAV-003 @NAV-004 @NAV-005 @NAV-008
    Scenario: In a text field: Up, Down, Right and ENTER at the first position, Left too further on
      Given the "PROXY USER:" field is blank
      Then the field is blank
      And the indicators are UP, DOWN, RIGHT and ENTER
      And pressing LEFT does nothing
      When I press UP
      Then the character under the cursor is "a"
      When I press UP
      Then the character under the cursor is "b"
      When I press DOWN
      Then the character under the cursor is "a"
      When I press RIGHT
      Then the cursor is under character 2 of the field
      And the indicators are UP, DOWN, LEFT, RIGHT and ENTER
      When I press LEFT
      Then the cursor is under character 1 of the field

    # "you will notice that the cursor does not appear after the LAN NETMASK prompt" (LAN Netmask)
    @NAV-001 @NAV-005 @NAV-008
    Scenario: The netmask field has no cursor: Up, Down and ENTER only
      Given the "LAN NETMASK" prompt is shown
      Then the indicators are UP, DOWN and ENTER
      And pressing LEFT and RIGHT does nothing
      When I press DOWN
      Then the field reads "255.255.254.000"
      When I press UP
      Then the field reads "255.255.255.000"

  Rule: Status screens and informational messages

    @NAV-001 @NAV-002 @NAME-005 @ERRATA-154 @needs-platform
    Scenario: The name and IP screen: Down and ENTER, and nothing on it can be edited
      # "The IP address is available for information purposes only."
      Given the appliance has been activated by user "jdoe"
      And the appliance shows its name and IP address
      Then the indicators are DOWN and ENTER
      And no cursor is shown
      And pressing UP, LEFT and RIGHT does nothing
      When I press ENTER
      Then the screen shows "SETUP NETWORK"

    @NAV-001 @NAV-009
    Scenario: The ACTIVATION CODE screen: Down and ENTER
      Given the appliance shows the ACTIVATION CODE screen
      Then the indicators are DOWN and ENTER
      And no cursor is shown
      And pressing UP, LEFT and RIGHT does nothing
      When I press DOWN
      Then the screen shows "SETUP NETWORK"

    @NAV-001 @PWR-010 @needs-network
    Scenario: An error screen: Down and ENTER
      Given the Qualys Cloud Platform cannot be reached
      And the appliance is running
      Then the indicators are DOWN and ENTER
      And the screen does not show "ACTIVATION CODE"
      And pressing UP, LEFT and RIGHT does nothing
      When I press DOWN
      Then the screen shows "SETUP NETWORK"

    @NAV-001 @RST-001 @ERRATA-152 @needs-power
    Scenario: Informational messages during the boot show no indicators and take no keys
      Given the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "Welcome to Qualys"
      And the indicators are no keys
      And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing
      And the screen shows "Qualys Scanner is starting up..." within 1 minute
      And the indicators are no keys
      And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing
      And the screen shows "CONTACTING QUALYS" within 3 minutes
      And the indicators are no keys
      And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing

    @NAV-001 @RBT-005 @ERRATA-152
    Scenario: REBOOTING SYSTEM shows no indicators and takes no keys
      Given the "SYSTEM REBOOT" menu item is shown
      When I press ENTER
      And I press ENTER
      Then the screen shows "REBOOTING SYSTEM"
      And the indicators are no keys
      And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing

    # "Review the confirmation messages. The Scanner Appliance attempts to make a connection to the
    # Qualys Cloud Platform using the new configuration." (Changing the Network Configuration)
    @NAV-001 @NAV-002 @ERRATA-152
    Scenario: While a confirmed change is applied the screen shows no indicators and takes no keys
      Given the "ENABLE DHCP ON WAN" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY ENABLE DHCP ON WAN?"
      When I press ENTER
      Then the indicators are no keys
      And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing

  Rule: The button guidelines

    @NAV-010
    Scenario: Pressing Left and Right together on a menu does nothing
      Given the "SYSTEM REBOOT" menu item is shown
      When I press LEFT and RIGHT together
      Then the screen shows "SYSTEM REBOOT"
      And the indicators are UP, DOWN and ENTER

    @NAV-010
    Scenario: Pressing Left and Right together in a numeric field does nothing
      Given the "VLAN 0-4094" prompt is shown
      When I press RIGHT
      And I press UP
      And I press LEFT and RIGHT together
      Then the field reads "0100"
      And the cursor is under character 2 of the field

    @NAV-011 @ERRATA-039
    Scenario: Holding the Down arrow on a menu counts as one press
      Given the main menu is shown
      When I hold DOWN for 2 seconds
      Then the screen shows "SYSTEM REBOOT"

    @NAV-011 @ERRATA-039
    Scenario: Holding the Up arrow in a numeric field counts as one press
      Given the "VLAN 0-4094" prompt is shown
      When I hold UP for 2 seconds
      Then the field reads "1000"

    @NAV-011 @ERRATA-039
    Scenario: Holding the Down arrow on the netmask counts as one press
      Given the "LAN NETMASK" prompt is shown
      When I hold DOWN for 2 seconds
      Then the field reads "255.255.254.000"

    @NAV-012
    Scenario: Holding the Up arrow in the proxy user name scrolls through characters quickly
      Given the "PROXY USER:" prompt is shown
      When I hold UP for 2 seconds
      Then the character under the cursor is none of " ab"

    @NAV-012
    Scenario: Holding the Down arrow in the proxy password scrolls through characters quickly
      Given the "PROXY PASSW" prompt is shown
      When I hold DOWN for 2 seconds
      Then the character under the cursor is none of " ZY"
