@guide:qs-power-on
Feature: Quick Start - Step 2 - Power On the Scanner Appliance
  "1 Connect the AC power cord into the Power Supply Socket.
  Note: Qualys strongly recommends the Scanner Appliance be plugged into a Managed Power Supply.
  On the rare occasion where the Scanner Appliance may need to be rebooted, utilizing the MPS will
  allow for remote rebooting in unmanned or high security areas.
  2 Press the power button on the back panel. Be sure that the power button has a green backlight.
  3 Welcome to Qualys appears in the Scanner Appliance interface followed by other informational
  messages during the boot process which takes approximately two minutes. These messages appear
  in the order shown: Welcome to Qualys / Qualys Scanner is starting up... / Filesystem check in
  progress... / Qualys Scanner is coming up...
  4 Once the Scanner Appliance makes a successful connection to the Qualys Cloud Platform you'll
  see the activation code message.
  ACTIVATION CODE - The activation code for the Scanner Appliance is displayed. A unique code is
  assigned to each Appliance. Make a note of the activation code and then go to enter the
  activation code."
  2017: "You might see a network error message instead." 2022: "You might see an appliance
  configuration error instead." Both: "This will be reported if the Scanner Appliance did not make
  a successful connection to the Qualys Cloud Platform using its current network settings."

  Rule: Power on

    @PWR-001 @PWR-002 @needs-power @needs-leds
    Scenario: Connect the AC power cord, press the power button: the backlight is green
      Given the appliance is plugged in and switched off
      When I pull the AC power cord
      And I plug in the AC power cord
      Then the power button's backlight is off
      When I press the power button
      Then the power button's backlight is green
      And the screen shows "Welcome to Qualys"

    @PWR-003 @PWR-004 @FP-001 @ERRATA-151 @needs-power @needs-virtual-time
    Scenario: Welcome to Qualys, then the boot messages in order, for about two minutes
      Given the appliance is plugged in and switched off
      When I press the power button
      And I note the time
      Then the screen shows "Welcome to Qualys"
      And the screen shows "CONTACTING QUALYS" within 4 minutes
      And these messages appear in this order:
        """
        Welcome to Qualys
        Qualys Scanner is starting up...
        Filesystem check in progress...
        Qualys Scanner is coming up...
        CONTACTING QUALYS
        """
      And it took 90 to 150 seconds from the noted time

    @PWR-005 @PWR-006 @needs-power
    Scenario: After connecting to the platform the activation code is displayed
      Given the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      And these messages appear in this order:
        """
        Qualys Scanner is coming up...
        CONTACTING QUALYS
        ACTIVATION CODE
        """
      And the screen shows the activation code

    # What one unit shows: a code of its own that stays the same (ERRATA-014). That no other unit
    # has it is checked against the platform's record of shipped units in the next scenario.
    @PWR-006 @PWR-007 @ERRATA-014 @needs-power
    Scenario: The activation code is twelve digits and belongs to the unit: it is the same after every start
      Given the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      And the screen shows the activation code
      And the activation code has twelve digits
      When I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      And the activation code is the one shown before
      When I press the power button
      Then the screen shows "It’s now safe to unplug the box" within 60 seconds
      When I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      And the activation code is the one shown before

    @PWR-007 @needs-platform
    Scenario: No other appliance has this appliance's activation code
      Given the appliance shows the ACTIVATION CODE screen
      Then no other appliance known to the platform has the activation code shown

    @PWR-006 @needs-platform
    Scenario: The activation code shown is the one the portal activates the appliance with
      Given the appliance shows the ACTIVATION CODE screen
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "is_jdoe" within 5 minutes

  Rule: No connection to the platform

    @fw-2017 @PWR-008 @PWR-010 @needs-power @needs-network
    Scenario: 2017: a network error instead of the activation code
      Given the Qualys Cloud Platform cannot be reached
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "QG con timeout" within 5 minutes
      And the screen does not show "ACTIVATION CODE"

    @fw-2017 @PWR-008 @PWR-010 @needs-power @needs-network
    Scenario: 2017: a network error when the network settings do not work (no DHCP server)
      Given the LAN has no DHCP server
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "LAN no IPv4" within 5 minutes

    @fw-2022 @PWR-009 @PWR-010 @needs-power @needs-network
    Scenario: 2022: an appliance configuration error instead of the activation code
      Given the Qualys Cloud Platform cannot be reached
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "Timeout was reached (28)" within 5 minutes
      And the screen does not show "ACTIVATION CODE"

    @fw-2022 @PWR-009 @PWR-010 @needs-power @needs-network
    Scenario: 2022: an appliance configuration error when the network settings do not work (no DHCP server)
      Given the LAN has no DHCP server
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "LAN has no IPv4 address" within 5 minutes

  Rule: The managed power supply
    "utilizing the MPS will allow for remote rebooting": power cut and restored while the
    appliance runs starts it again by itself; after a proper shutdown it waits for its button.

    @PWR-001 @ERRATA-017 @needs-power @needs-leds
    Scenario: AC power restored after it was lost while running starts the appliance by itself
      Given the appliance is running
      When I pull the AC power cord
      Then the lights and LEDs are off
      When I plug in the AC power cord
      Then the power button's backlight is green
      And the screen shows "Welcome to Qualys"
      And the screen shows "ACTIVATION CODE" within 6 minutes

    @PWR-002 @ERRATA-017 @needs-power @needs-leds @needs-virtual-time
    Scenario: AC power restored after a proper shutdown leaves the appliance off until its power button is pressed
      Given the appliance is running
      When I press the power button
      Then the screen shows "It’s now safe to unplug the box" within 60 seconds
      When I pull the AC power cord
      And I plug in the AC power cord
      And 1 minute passes
      Then the power button's backlight is off
      And the screen is blank
      When I press the power button
      Then the power button's backlight is green
      And the screen shows "Welcome to Qualys"

    @PWR-001 @ERRATA-017 @needs-power @needs-leds @needs-virtual-time
    Scenario: AC power connected to an appliance that was never switched on leaves it off
      Given the appliance is plugged in and switched off
      When I pull the AC power cord
      And I plug in the AC power cord
      And 1 minute passes
      Then the power button's backlight is off
      And the screen is blank
