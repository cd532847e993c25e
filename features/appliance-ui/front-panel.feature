@guide:front-panel
Feature: A Quick Look at the Appliance - Front Panel
  "You'll see Welcome to Qualys in the LCD display when you connect the Appliance to the network
  for the first time. After you've successfully completed the Quick Start steps for your Scanner
  Appliance, you'll see the Scanner Appliance name and IP address."
  "Use the keypad to enter information and respond to prompts.
  - Left and Right arrow buttons move the cursor to left/right in an entry field.
  - Up and Down arrow buttons scroll through menu options, and scroll through characters in an
    entry field.
  - ENTER button, in the center, is used to confirm entries and move to the next screen."
  "Tell me about the LEDs.
  - S1 tells you a Qualys scan is in progress on the Scanner Appliance.
  - S2 tells you a software update to the Scanner Appliance is in progress.
  - S3 is not used."

  Rule: The LCD display

    @FP-001 @needs-power
    Scenario: Welcome to Qualys is the first thing the LCD shows
      Given the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "Welcome to Qualys"

    @FP-002 @NAME-001 @needs-platform
    Scenario: After the Quick Start the LCD shows the name and IP address
      Given the appliance has been activated by user "jdoe"
      Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

    # The guides never give the LCD's size; the twin's reading is two lines of 20 characters, the
    # indicators in the top right corner, longer texts wrapped at word boundaries.
    @NAV-001 @FP-003 @ERRATA-011
    Scenario: A confirmation longer than the first line wraps onto the second, leaving the top right corner to the indicators
      Given the "ENABLE STATIC IP ON LAN" menu item is shown
      When I press ENTER
      Then the screen shows "CFG LAN STATIC NETWORK PARAMS?"
      And line 1 reads "CFG LAN STATIC"
      And line 2 reads "NETWORK PARAMS?"
      And the indicators are UP and ENTER

  Rule: The keypad

    @FP-003 @FP-006
    Scenario: The keypad enters information and confirms it
      Given the "LAN IP ADDR" prompt is shown
      When I key in "194.055.176.002" at the "LAN IP ADDR" prompt
      Then the field reads "194.055.176.002"
      When I press ENTER
      Then the screen shows "LAN NETMASK"

    @FP-003
    Scenario: The keypad responds to a prompt
      Given the "SYSTEM SHUTDOWN" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY SHUTDOWN SYSTEM?"
      When I press UP
      Then the screen shows "SYSTEM SHUTDOWN"

    @FP-004
    Scenario: Left and Right move the cursor in an entry field
      Given the "VLAN 0-4094" prompt is shown
      Then the cursor is under character 1 of the field
      When I press RIGHT
      Then the cursor is under character 2 of the field
      When I press RIGHT
      Then the cursor is under character 3 of the field
      When I press LEFT
      Then the cursor is under character 2 of the field

    @FP-005
    Scenario: Up and Down scroll through menu options
      Given the main menu is shown
      When I press DOWN
      Then the screen shows "SYSTEM REBOOT"
      When I press UP
      Then the screen shows "SETUP NETWORK"

    @FP-005
    Scenario: Up and Down scroll through characters in an entry field
      Given the "PROXY USER:" field is blank
      When I press UP
      Then the character under the cursor is "a"
      When I press UP
      Then the character under the cursor is "b"
      When I press DOWN
      Then the character under the cursor is "a"

    @FP-006
    Scenario: ENTER confirms a selection and moves to the next screen
      Given the main menu is shown
      When I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      Then the screen shows "REALLY REBOOT SYSTEM?"
      When I press ENTER
      Then the screen shows "REBOOTING SYSTEM"

  Rule: The LEDs
    The platform hands a scan or a software update to the appliance when it next polls (every
    three minutes in the twin); the LED is lit while the job runs.

    @FP-007 @FP-009 @needs-leds @needs-virtual-time @needs-platform
    Scenario: S1 is lit while a scan is in progress
      Given the appliance has been activated by user "jdoe"
      And a scan of 10 minutes has been launched on the appliance
      Then the S1 LED is off
      Then the S1 LED is on within 4 minutes
      And the S2 LED is off
      And the S3 LED is off
      When 10 minutes pass
      Then the S1 LED is off

    @FP-008 @FP-009 @needs-leds @needs-virtual-time @needs-platform
    Scenario: S2 is lit while a software update is in progress
      Given the appliance has been activated by user "jdoe"
      And a software update of 5 minutes has been launched on the appliance
      Then the S2 LED is off
      Then the S2 LED is on within 4 minutes
      And the S1 LED is off
      And the S3 LED is off
      When 5 minutes pass
      Then the S2 LED is off

    @FP-007 @FP-008 @FP-009 @needs-leds @needs-virtual-time @needs-platform
    Scenario: S3 stays off while both a scan and a software update are in progress
      Given the appliance has been activated by user "jdoe"
      And a scan of 10 minutes has been launched on the appliance
      And a software update of 10 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      And the S2 LED is on
      And the S3 LED is off

    @FP-008 @RBT-005 @ERRATA-153 @needs-leds @needs-virtual-time @needs-platform
    Scenario: After a reboot S2 no longer tells of an update that the reboot interrupted
      Given the appliance has been activated by user "jdoe"
      And a software update of 30 minutes has been launched on the appliance
      Then the S2 LED is on within 4 minutes
      When I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "is_jdoe" within 5 minutes
      And the S2 LED is off

    @FP-007 @RBT-005 @ERRATA-153 @needs-leds @needs-virtual-time @needs-platform
    Scenario: After a reboot S1 no longer tells of a scan that the reboot interrupted
      Given the appliance has been activated by user "jdoe"
      And a scan of 30 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      When I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "is_jdoe" within 5 minutes
      And the S1 LED is off
