@guide:after-restart @guide:qs-power-on
Feature: System Reboot and Shutdown - What happens after restart?
  "When you restart the Scanner Appliance, several messages appear during the startup process,
  as described below:
  1 When the system is restarted, informational messages appear in the screen during the boot
  process. These messages appear in the order shown below: Welcome to Qualys / Qualys Scanner is
  starting up... / Filesystem check in progress... / Qualys Scanner is coming up...
  2 The Appliance attempts to connect to the Qualys Cloud Platform using its configuration.
  During this phase, these messages appear in the order shown below: CONTACTING QUALYS /
  Filesystem check in progress... / CONTACTING QUALYS
  3 The SCANNER APPLIANCE NAME-IP ADDRESS is displayed after the Scanner Appliance makes a
  successful connection to the Qualys Cloud Platform. This means your the Scanner Appliance is
  ready to start scanning. If another message appears you need to take some action before you can
  start scanning:
  - ACTIVATION CODE - The Scanner Appliance needs to be activated.
  - (2017) Network error - A network error prevented the Scanner Appliance from making a
    connection to the Qualys Cloud Platform.
  - (2022) Appliance configuration error An error prevented the Scanner Appliance from making a
    connection to the Qualys Cloud Platform."

  @RST-001 @RST-002 @RST-003 @RST-004 @needs-platform
  Scenario: After a restart: the boot messages, the contacting messages, then the name and IP address
    Given the appliance has been activated by user "jdoe"
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "is_jdoe" within 5 minutes
    And these messages appear in this order:
      """
      Welcome to Qualys
      Qualys Scanner is starting up...
      Filesystem check in progress...
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      Filesystem check in progress...
      CONTACTING QUALYS
      """
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @RST-001 @RST-003 @RST-005 @PWR-005 @PWR-006
  Scenario: After a restart of an appliance that is not activated: ACTIVATION CODE
    Given the appliance shows the ACTIVATION CODE screen
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    And these messages appear in this order:
      """
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      Filesystem check in progress...
      CONTACTING QUALYS
      ACTIVATION CODE
      """
    And the screen shows the activation code

  @RST-001 @RST-002 @RST-003 @RST-005 @needs-power
  Scenario: Restarting with the power button: the same messages in the same order
    Given the appliance is running
    When I press the power button
    Then the screen shows "It’s now safe to unplug the box" within 60 seconds
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    And these messages appear in this order:
      """
      Welcome to Qualys
      Qualys Scanner is starting up...
      Filesystem check in progress...
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      Filesystem check in progress...
      CONTACTING QUALYS
      ACTIVATION CODE
      """

  @fw-2017 @RST-006 @PWR-008 @PWR-010 @needs-network @needs-platform
  Scenario: 2017: when the platform cannot be reached after a restart, a network error appears
    Given the appliance has been activated by user "jdoe"
    And the Qualys Cloud Platform cannot be reached
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "QG con timeout" within 5 minutes
    And these messages appear in this order:
      """
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      Filesystem check in progress...
      CONTACTING QUALYS
      QG con timeout
      """
    And the screen does not show "is_jdoe"

  @fw-2022 @RST-007 @PWR-009 @PWR-010 @needs-network @needs-platform
  Scenario: 2022: when the platform cannot be reached after a restart, a configuration error appears
    Given the appliance has been activated by user "jdoe"
    And the Qualys Cloud Platform cannot be reached
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "Timeout was reached (28)" within 5 minutes
    And these messages appear in this order:
      """
      Qualys Scanner is coming up...
      CONTACTING QUALYS
      Filesystem check in progress...
      CONTACTING QUALYS
      Timeout was reached (28)
      """
