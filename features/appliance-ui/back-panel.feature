@guide:back-panel
Feature: A Quick Look at the Appliance - Back Panel
  2017: "The Appliance's back panel includes: the power socket, the Ethernet LAN port, the
  Ethernet WAN port, and two USB ports."
  2022: "The Appliance's back panel includes: the power socket, the Ethernet LAN port, the
  Ethernet WAN port, two USB 2.0 ports and two USB 3.0 ports."
  "Power socket - Use to connect the power connector to the Appliance.
  Power button - Use to power on the Appliance. A green light indicates the Appliance is turned on.
  LAN/WAN ports - Use to connect the Appliance to a hub or switch on your network using a straight
  through CAT6 twisted pair Ethernet cable. The LAN port is required. The WAN port is only
  required if you choose the split network configuration option.
  USB ports - Connect a USB-to-RS232 converter cable to a USB port if you want to use the optional
  Remote Console interface (any port may be used)."

  Rule: What the back panel has

    # The 2017 tour says "two USB ports", its Product Specifications "Four USB 2.0 ports".
    @fw-2017 @BACK-001 @ERRATA-036 @needs-label
    Scenario: The 2017 back panel: LAN and WAN ports and four USB 2.0 ports
      Then the back panel has the Ethernet ports "LAN and WAN"
      And the back panel has 4 USB ports of type "2.0"

    @fw-2022 @BACK-002 @needs-label
    Scenario: The 2022 back panel: LAN and WAN ports, two USB 2.0 ports and two USB 3.0 ports
      Then the back panel has the Ethernet ports "LAN and WAN"
      And the back panel has 2 USB 2.0 ports
      And the back panel has 2 USB 3.0 ports
      And the back panel has 4 USB ports of type "2.0, 3.0"

  Rule: Power socket and power button

    @BACK-001 @BACK-002 @BACK-003 @needs-power @needs-leds
    Scenario: Without the power connector in the power socket the appliance cannot be turned on
      Given the appliance is plugged in and switched off
      When I pull the AC power cord
      And I press the power button
      Then the power button's backlight is off
      And the screen is blank
      When I plug in the AC power cord
      And I press the power button
      Then the power button's backlight is green
      And the screen shows "Welcome to Qualys"

    @BACK-004 @needs-power @needs-leds
    Scenario: The power button turns the appliance on; the green light shows it is on
      Given the appliance is plugged in and switched off
      Then the power button's backlight is off
      When I press the power button
      Then the power button's backlight is green
      And the screen shows "ACTIVATION CODE" within 5 minutes
      And the power button's backlight is green

    # "Don't want to use the LCD interface? No problem, you can press the power button on the back
    # panel instead." (Proper Shutdown)
    @BACK-004 @SHD-002 @NAME-012 @ERRATA-018 @needs-power @needs-leds
    Scenario: The power button on a running appliance shuts it down properly
      Given the appliance is running
      When I press the power button
      Then the screen shows "It’s now safe to unplug the box" within 60 seconds
      And the lights and LEDs are off

    @BACK-004 @ERRATA-018 @needs-power @needs-leds
    Scenario: The power button pressed again while the appliance boots is ignored
      Given the appliance is plugged in and switched off
      When I press the power button
      And 10 seconds pass
      And I press the power button
      Then the power button's backlight is green
      And the screen shows "ACTIVATION CODE" within 5 minutes

  Rule: LAN and WAN ports

    @fw-2017 @BACK-005 @BACK-006 @needs-ports @needs-power
    Scenario: 2017: without a cable in the LAN port the appliance reports a network error
      Given the appliance is plugged in and switched off
      And the LAN port has no cable
      When I press the power button
      Then the screen shows "LAN no CARRIER" within 5 minutes
      And line 2 reads "LAN no CARRIER"

    @fw-2022 @BACK-005 @BACK-006 @needs-ports @needs-power
    Scenario: 2022: without a cable in the LAN port the appliance reports a configuration error
      Given the appliance is plugged in and switched off
      And the LAN port has no cable
      When I press the power button
      Then the screen shows "no CARRIER on LAN interface" within 5 minutes

    @BACK-005 @BACK-006 @needs-ports @needs-power
    Scenario: With a cable in the LAN port the appliance reaches the platform
      Given the appliance is plugged in and switched off
      And the LAN port has no cable
      When I plug a cable into the LAN port
      And I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes

    @BACK-007 @needs-ports @needs-power
    Scenario: Without split network configuration the WAN port needs no cable
      Given the appliance is plugged in and switched off
      And the WAN port has no cable
      When I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes

    @fw-2017 @BACK-007 @needs-ports
    Scenario: 2017: with split network configuration the WAN port is required
      Given the WAN port has no cable
      And the "ENABLE DHCP ON WAN" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY ENABLE DHCP ON WAN?"
      When I press ENTER
      Then the screen shows "WAN no CARRIER" within 2 minutes

    @fw-2022 @BACK-007 @needs-ports
    Scenario: 2022: with split network configuration the WAN port is required
      Given the WAN port has no cable
      And the "ENABLE DHCP ON WAN" menu item is shown
      When I press ENTER
      Then the screen shows "REALLY ENABLE DHCP ON WAN?"
      When I press ENTER
      Then the screen shows "no CARRIER on WAN interface" within 2 minutes

    @BACK-005 @BACK-007 @NAME-007 @needs-ports @needs-network @needs-platform
    Scenario: With a cable in the WAN port split network configuration reaches the platform, and the LAN address is shown
      Given the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
      And the appliance has been activated by user "jdoe"
      When I plug a cable into the WAN port
      And I press DOWN until "SETUP NETWORK" appears
      And I press ENTER
      And I press DOWN until "ENABLE WAN INTERFACE" appears
      And I press ENTER
      And I press DOWN until "ENABLE DHCP ON WAN" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "is_jdoe" within 2 minutes
      And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  Rule: USB ports

    @BACK-008 @AUI-002 @needs-label @needs-console
    Scenario: The Remote Console on a USB port enters characters into the field on the LCD
      Given the "PROXY USER:" prompt is shown
      When I type "jdoe" on the remote console keyboard
      Then the field reads "jdoe"
