@guide:system-shutdown @guide:name-and-ip
Feature: System Reboot and Shutdown - How to shutdown the system
  "It is important to follow the proper system shutdown instructions described below. If you do
  not follow these instructions, file system corruption may occur."
  "You can power off the system using the shutdown button or using the Appliance UI. Using the
  Appliance UI: 1 With the Scanner Appliance name and IP address displayed, press ENTER. 2 When
  the SETUP NETWORK menu option appears, press the Down arrow to navigate through the menu
  options. 3 When the SYSTEM SHUTDOWN menu option appears, press ENTER. 4 When the REALLY
  SHUTDOWN SYSTEM? prompt appears, press ENTER to confirm. 5 Important! The Scanner Appliance
  should now power down within 60 seconds. When this message appears: "It's now safe to unplug
  the box", then you can safely unplug the Scanner Appliance."
  Proper Shutdown (That's all there is to it!): "Just go to the LCD display on the front panel.
  Press the down arrow until SYSTEM SHUTDOWN appears, and then press ENTER. When you see REALLY
  SHUTDOWN SYSTEM? press ENTER. You'll notice the Scanner Appliance lights and LEDs are turned
  off. Then you can safely disconnect the power supply. Don't want to use the LCD interface? No
  problem, you can press the power button on the back panel instead."

  @SHD-002 @SHD-003 @SHD-004 @SHD-005 @SHD-006 @needs-leds @needs-virtual-time @needs-platform
  Scenario: Shutting down through the menu, step by step
    Given the appliance has been activated by user "jdoe"
    And the appliance shows its name and IP address
    When I press ENTER
    Then the screen shows "SETUP NETWORK"
    When I press DOWN until "SYSTEM SHUTDOWN" appears
    And I press ENTER
    Then the screen shows "REALLY SHUTDOWN SYSTEM?"
    When I press ENTER
    And I note the time
    Then the screen shows "It’s now safe to unplug the box" within 60 seconds
    And it took 0 to 60 seconds from the noted time
    And the lights and LEDs are off

  @NAME-009 @NAME-010 @NAME-011 @ERRATA-037 @needs-power @needs-leds @needs-virtual-time @needs-platform
  Scenario: Proper shutdown: the lights and LEDs go off, then the power supply can be disconnected
    Given the appliance has been activated by user "jdoe"
    And a scan of 30 minutes has been launched on the appliance
    Then the S1 LED is on within 4 minutes
    When I press DOWN until "SYSTEM SHUTDOWN" appears
    And I press ENTER
    Then the screen shows "REALLY SHUTDOWN SYSTEM?"
    When I press ENTER
    Then the screen is blank
    And the power button's backlight is green
    And the screen shows "It’s now safe to unplug the box" within 60 seconds
    And the lights and LEDs are off
    When 10 minutes pass
    Then the screen shows "It’s now safe to unplug the box"
    And the lights and LEDs are off
    When I pull the AC power cord
    Then the screen is blank

  @SHD-002 @NAME-012 @ERRATA-018 @needs-power @needs-leds @needs-platform
  Scenario: The power button on the back panel instead of the LCD interface
    Given the appliance has been activated by user "jdoe"
    When I press the power button
    And I note the time
    Then the screen shows "It’s now safe to unplug the box" within 60 seconds
    And it took 0 to 60 seconds from the noted time
    And the lights and LEDs are off

  @SHD-004 @NAV-007 @ERRATA-043 @needs-leds
  Scenario: The Up arrow at REALLY SHUTDOWN SYSTEM? cancels the shutdown
    Given the "SYSTEM SHUTDOWN" menu item is shown
    When I press ENTER
    Then the screen shows "REALLY SHUTDOWN SYSTEM?"
    When I press UP
    Then the screen shows "SYSTEM SHUTDOWN"
    And the power button's backlight is green

  @SHD-001 @ERRATA-038 @needs-power @needs-virtual-time
  Scenario: Pulling the AC power cord without a shutdown makes the next filesystem check longer
    Given the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I note how long "Filesystem check in progress..." was shown
    And I pull the AC power cord
    And I plug in the AC power cord
    Then the screen shows "ACTIVATION CODE" within 6 minutes
    And "Filesystem check in progress..." was shown 85 to 95 seconds longer than noted

  @SHD-001 @SHD-006 @ERRATA-038 @needs-power @needs-virtual-time
  Scenario: After a proper shutdown the next filesystem check is not longer
    Given the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I note how long "Filesystem check in progress..." was shown
    And I press DOWN until "SYSTEM SHUTDOWN" appears
    And I press ENTER
    And I press ENTER
    Then the screen shows "It’s now safe to unplug the box" within 60 seconds
    When I pull the AC power cord
    And I plug in the AC power cord
    And I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    And "Filesystem check in progress..." was shown 0 to 5 seconds longer than noted

  @SHD-001 @ERRATA-038 @needs-virtual-time @needs-power
  Scenario: After a reboot the next filesystem check is not longer
    Given the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I note how long "Filesystem check in progress..." was shown
    And I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    And I press ENTER
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    And "Filesystem check in progress..." was shown 0 to 5 seconds longer than noted
