@guide:qs-connect
Feature: Quick Start - Step 1 - Connect the Scanner Appliance to the Network
  "Qualys strongly recommends the Scanner Appliance be plugged into a Managed Power Supply. On the
  rare occasion where the Scanner Appliance may need to be rebooted, utilizing the MPS will allow
  for remote rebooting in unmanned or high security areas."
  Set Up Network Connection: "The Scanner Appliance connects like any other computer to a switch
  on your network. To set up the network connection, follow these steps:
  - Connect one end of an Ethernet cable to the Ethernet LAN port on the Scanner Appliance (back
  panel).
  - Connect the other end of the Ethernet cable to a 10BASE-T or 100BASE-TX or 1 Gigabit switch on
  your network."
  The "office" lab network: its DHCP server leases 198.18.10.20; the Internet is reached directly.
  Whether the appliance connected shows once it is powered on (Step 2): the ACTIVATION CODE
  appears "once the Scanner Appliance makes a successful connection to the Qualys Cloud Platform".

  @CONN-003 @CONN-004 @CONN-005 @ERRATA-284 @needs-power @needs-network @needs-platform
  Scenario Outline: The LAN port cabled to the switch (<switch>): the appliance connects like any other computer
    Given the lab network is "office"
    And the switch port of the LAN is set to "<switch port>"
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

    Examples:
      | switch                            | switch port   |
      | 10BASE-T                          | 10baseT/Half  |
      | 100BASE-TX                        | 100baseT/Half |
      | 1 Gigabit                         | 1GbaseT/Full  |
      | auto negotiating, any speed       | AUTO          |

  @CONN-004 @needs-power @needs-ports @needs-network
  Scenario Outline: <generation>: the LAN port is the one to connect: a cable in the WAN port only does not connect the appliance
    Given the lab network is "office"
    And the WAN cable is plugged in
    And the LAN port has no cable
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<error>" within 5 minutes
    When I press the power button
    Then the screen shows "It’s now safe to unplug the box" within 60 seconds
    When I plug a cable into the LAN port
    And I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes

    @fw-2017
    Examples:
      | generation | error                          |
      | 2017       | NETWORK ERR 06 LAN no CARRIER  |

    @fw-2022
    Examples:
      | generation | error                       |
      | 2022       | no CARRIER on LAN interface |

  @CONN-002 @ERRATA-017 @needs-power @needs-leds @needs-platform
  Scenario: Remote rebooting through the managed power supply: power cycled, the appliance starts and connects again
    Given the appliance has been activated by user "jdoe"
    When I pull the AC power cord
    Then the lights and LEDs are off
    When I plug in the AC power cord
    Then the screen shows "Welcome to Qualys"
    And the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 6 minutes
