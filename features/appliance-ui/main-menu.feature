@guide:main-menu @guide:appliance-ui
Feature: Navigating the Appliance UI - Main Menu
  "The Scanner Appliance has a user interface for configuration and management."
  "To access the Scanner Appliance main menu, press ENTER when the Scanner Appliance name and IP
  address are displayed. The first menu option displayed is SETUP NETWORK."
  "To move up through the menu options, press the Up arrow. To move down through the menu
  options, press the Down arrow. To select an option, press ENTER. To exit the main menu, press
  the down arrow button until the EXIT THIS MENU option appears, and then press ENTER."

  # The order below SETUP NETWORK: "When the SETUP NETWORK menu option appears, press the Down
  # arrow ... When the SYSTEM REBOOT menu option appears" / "When the SYSTEM SHUTDOWN menu option
  # appears" (System Reboot and Shutdown), and EXIT THIS MENU at the end (Main Menu).
  @MENU-001 @MENU-002 @MENU-004 @AUI-001 @ERRATA-150 @needs-platform
  Scenario: ENTER on the name and IP screen opens the main menu at SETUP NETWORK
    Given the appliance has been activated by user "jdoe"
    And the appliance shows its name and IP address
    When I press ENTER
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    And the menu items from here down are:
      | SETUP NETWORK   |
      | SYSTEM REBOOT   |
      | SYSTEM SHUTDOWN |
      | EXIT THIS MENU  |

  @MENU-003 @MENU-004
  Scenario: The Down arrow moves down and the Up arrow moves up through the menu options
    Given the main menu is shown
    When I press DOWN
    Then the screen shows "SYSTEM REBOOT"
    When I press DOWN
    Then the screen shows "SYSTEM SHUTDOWN"
    When I press DOWN
    Then the screen shows "EXIT THIS MENU"
    When I press UP
    Then the screen shows "SYSTEM SHUTDOWN"
    When I press UP
    Then the screen shows "SYSTEM REBOOT"
    When I press UP
    Then the screen shows "SETUP NETWORK"

  @MENU-005 @AUI-001
  Scenario: ENTER selects SYSTEM REBOOT
    Given the main menu is shown
    When I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    Then the screen shows "REALLY REBOOT SYSTEM?"

  @MENU-005 @AUI-001
  Scenario: ENTER selects SYSTEM SHUTDOWN
    Given the main menu is shown
    When I press DOWN until "SYSTEM SHUTDOWN" appears
    And I press ENTER
    Then the screen shows "REALLY SHUTDOWN SYSTEM?"

  @MENU-005 @AUI-001
  Scenario: ENTER selects SETUP NETWORK, which opens the network settings
    Given the main menu is shown
    When I press ENTER
    Then the screen shows a menu item
    And the screen does not show "SETUP NETWORK"
    When I press DOWN until "ETHERNET PORT SETTINGS" appears
    Then the screen shows a menu item

  @MENU-006 @needs-platform
  Scenario: EXIT THIS MENU leaves the main menu for the name and IP screen
    Given the appliance has been activated by user "jdoe"
    And the main menu is shown
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "is_jdoe"
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @MENU-003 @MENU-004 @ERRATA-005
  Scenario: The menu stops at its first and its last option
    Given the main menu is shown
    Then the indicators are DOWN and ENTER
    And pressing UP does nothing
    And the screen shows "SETUP NETWORK"
    When I press DOWN until "EXIT THIS MENU" appears
    Then the indicators are UP and ENTER
    And pressing DOWN does nothing
    And the screen shows "EXIT THIS MENU"

  @MENU-006 @ERRATA-007
  Scenario: EXIT THIS MENU under SETUP NETWORK goes back one level, to SETUP NETWORK
    Given the main menu is shown
    When I press ENTER
    And I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "SETUP NETWORK"
    And the indicators are DOWN and ENTER

  @MENU-006 @ERRATA-007
  Scenario: EXIT THIS MENU under ENABLE WAN INTERFACE goes back to ENABLE WAN INTERFACE
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    And I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "ENABLE WAN INTERFACE"

  @MENU-001 @MENU-002 @ERRATA-035 @needs-platform
  Scenario: The Down arrow on the name and IP screen also opens the main menu
    Given the appliance has been activated by user "jdoe"
    And the appliance shows its name and IP address
    When I press DOWN
    Then the screen shows "SETUP NETWORK"

  @MENU-002 @ERRATA-035
  Scenario: The Down arrow on the ACTIVATION CODE screen opens the main menu
    Given the appliance shows the ACTIVATION CODE screen
    When I press DOWN
    Then the screen shows "SETUP NETWORK"
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "ACTIVATION CODE"

  @PWR-005 @ERRATA-035
  Scenario: ENTER on the ACTIVATION CODE screen contacts the platform again
    Given the appliance shows the ACTIVATION CODE screen
    When I press ENTER
    Then the screen shows "CONTACTING QUALYS"
    And the screen shows "ACTIVATION CODE" within 1 minute

  @NAME-001 @NAME-003 @ERRATA-035 @needs-platform
  Scenario: An activation made in the portal is picked up at once with ENTER on the ACTIVATION CODE screen
    Given the appliance shows the ACTIVATION CODE screen
    When I activate the appliance in the portal with the code shown, as user "mmiller"
    And I press ENTER
    Then the screen shows "is_mmiller" within 1 minute
    And the screen shows the name "is_mmiller", the LAN IP address and the platform indicator

  @MENU-002 @ERRATA-035 @PWR-010 @needs-network
  Scenario: Both arrows into the menu work from an error screen too
    Given the Qualys Cloud Platform cannot be reached
    And the appliance is running
    Then the screen does not show "ACTIVATION CODE"
    And the indicators are DOWN and ENTER
    When I press ENTER
    Then the screen shows "SETUP NETWORK"
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    And I press DOWN
    Then the screen shows "SETUP NETWORK"
