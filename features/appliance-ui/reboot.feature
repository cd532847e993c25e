@guide:system-reboot
Feature: System Reboot and Shutdown - How to reboot the system
  "1 With the Scanner Appliance name and IP address displayed, press ENTER.
  2 When the SETUP NETWORK menu option appears, press the Down arrow to navigate through the menu
  options.
  3 When the SYSTEM REBOOT menu option appears, press ENTER to select the option.
  4 When the REALLY REBOOT SYSTEM? prompt appears, press ENTER to confirm.
  Review the confirmation messages starting with REBOOTING SYSTEM message. The SCANNER APPLIANCE
  NAME-IP ADDRESS is displayed after the Scanner Appliance makes a successful connection to the
  Qualys Cloud Platform. This message indicates the Scanner Appliance is ready for scanning. If
  another message appears you need to activate the Scanner Appliance or troubleshoot the issue
  before scanning."
  (2022, Remote Console Interface Set Up: "Please make sure that the Scanner Appliance has fully
  rebooted (this takes up to 3 minutes).")

  @RBT-001 @RBT-002 @RBT-003 @RBT-004 @RBT-005 @RBT-006 @ERRATA-151 @needs-virtual-time @needs-platform
  Scenario: Rebooting through the menu, step by step
    Given the appliance has been activated by user "jdoe"
    And the appliance shows its name and IP address
    When I press ENTER
    Then the screen shows "SETUP NETWORK"
    When I press DOWN
    Then the screen shows "SYSTEM REBOOT"
    When I press ENTER
    Then the screen shows "REALLY REBOOT SYSTEM?"
    When I press ENTER
    And I note the time
    Then the screen shows "REBOOTING SYSTEM"
    And the screen shows "is_jdoe" within 3 minutes
    And these messages appear in this order:
      """
      REBOOTING SYSTEM
      Welcome to Qualys
      Qualys Scanner is starting up...
      Filesystem check in progress...
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      """
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And it took 0 to 3 minutes from the noted time

  @RBT-006 @needs-virtual-time @needs-leds @needs-platform
  Scenario: After the reboot the appliance is ready for scanning: it takes the next scan
    Given the appliance has been activated by user "jdoe"
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "is_jdoe" within 3 minutes
    Given a scan of 10 minutes has been launched on the appliance
    Then the S1 LED is on within 4 minutes

  @RBT-007
  Scenario: After rebooting an appliance that is not activated, ACTIVATION CODE appears
    Given the appliance shows the ACTIVATION CODE screen
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "REBOOTING SYSTEM"
    And the screen shows "ACTIVATION CODE" within 3 minutes
    And the screen shows the activation code

  @fw-2017 @RBT-007 @needs-network @needs-platform @needs-network-pace
  Scenario: 2017: after rebooting while the platform cannot be reached, a network error appears
    Given the appliance has been activated by user "jdoe"
    And the Qualys Cloud Platform cannot be reached
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "QG con timeout" within 3 minutes
    And the screen does not show "is_jdoe"

  @fw-2022 @RBT-007 @needs-network @needs-platform @needs-network-pace
  Scenario: 2022: after rebooting while the platform cannot be reached, a configuration error appears
    Given the appliance has been activated by user "jdoe"
    And the Qualys Cloud Platform cannot be reached
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "Timeout was reached (28)" within 3 minutes

  @RBT-004 @NAV-007 @ERRATA-043 @needs-virtual-time @needs-platform
  Scenario: The Up arrow at REALLY REBOOT SYSTEM? cancels the reboot
    Given the appliance has been activated by user "jdoe"
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    Then the screen shows "REALLY REBOOT SYSTEM?"
    When I press UP
    Then the screen shows "SYSTEM REBOOT"
    And the screen shows a menu item
    When 3 minutes pass
    Then the screen shows "SYSTEM REBOOT"
