@guide:split-network
Feature: Split Network Configuration
  "The Qualys Scanner Appliance provides two network traffic configurations: Standard and Split.
  The Standard configuration is enabled by default."
  "In the Split network configuration all Scanner Appliance management traffic, which includes
  scan/map job pickup, scan/map data upload, software updates and health checks are routed through
  the WAN port, whereas scan traffic uses the LAN port. This configuration enables the use of
  Scanner Appliances in networks that do not have direct Internet access."
  "No internal traffic is routed or bridged to the WAN port and no management traffic is routed or
  bridged to the LAN port."
  "A few things to consider: The Scanner Appliance must be configured with DHCP or a static IP
  address on the LAN interface first. Do not configure the LAN and WAN interfaces on the same
  subnet. This type of configuration is not supported."
  "We'll update menu options once you configure settings. Once you configure ENABLE STATIC IP ON
  WAN the option will change to CHANGE STATIC IP ON WAN. Once you configure ENABLE DHCP ON WAN the
  option will appear as RENEW DHCP ON WAN."
  (Quick Start) "If split network configuration is enabled, the IP address for the LAN interface is
  displayed."

  The lab's "split" network: the LAN on an internal subnet (198.18.10.0/24) whose router does not
  reach the Internet; the WAN port on a DMZ (198.18.20.0/24) with DHCP and Internet access.

  # --- Standard and Split ------------------------------------------------------------------------

  # The office network: the LAN reaches the Internet, no cable in the WAN port.
  @SPLIT-001 @SPLIT-002 @SPLIT-004 @ERRATA-007 @needs-network @needs-platform
  Scenario: Standard by default: the LAN carries the management traffic and the WAN interface is not configured
    Given the LAN has a DHCP server that leases 198.18.10.77 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the appliance has been activated by user "jdoe"
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    Then the menu items from here down are:
      | ENABLE DHCP ON WAN      |
      | ENABLE STATIC IP ON WAN |
      | EXIT THIS MENU          |

  @SPLIT-003 @SPLIT-015
  Scenario: ENABLE WAN INTERFACE is a menu option of SETUP NETWORK
    Given the main menu is shown
    When I press ENTER
    And I press DOWN until "ENABLE WAN INTERFACE" appears
    Then the screen shows a menu item
    When I press ENTER
    Then the screen shows "ENABLE DHCP ON WAN"

  # --- Enable DHCP on the WAN Interface ----------------------------------------------------------

  # "Using the LAN interface now? If your Scanner Appliance is powered on and connected to the LAN
  # port only, power down the Scanner Appliance before you connect the second Ethernet cable to the
  # WAN port." The appliance, activated on the office LAN, is powered down and moved to the split
  # network, where its LAN alone cannot reach the platform.
  @SPLIT-005 @SPLIT-006 @SPLIT-012 @SPLIT-015 @SPLIT-016 @SPLIT-017 @SPLIT-018 @needs-power @needs-network @needs-platform
  Scenario: DHCP on the WAN: the platform is reached through the WAN, the name and IP screen shows the LAN's address
    Given the appliance has been activated by user "jdoe"
    And the appliance is plugged in and switched off
    And the lab network is "split"
    And the LAN has a DHCP server that leases 198.18.10.77 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the WAN has a DHCP server that leases 198.18.20.20 with gateway 198.18.20.1 and DNS server 198.18.20.53
    And the appliance is running
    Then the screen does not show "is_jdoe"
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    Then the screen shows "ENABLE DHCP ON WAN"
    When I press ENTER
    Then the screen shows "REALLY ENABLE DHCP ON WAN?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @fw-2017 @SPLIT-013 @SPLIT-016 @SPLIT-018 @needs-power @needs-ports @needs-network
  Scenario: Power down before connecting the second cable to the WAN port, then enable DHCP on the WAN
    Given the lab network is "split"
    And the WAN port has no cable
    And the appliance is running
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows "NETWORK ERR 12 WAN no CARRIER"
    Given the appliance is plugged in and switched off
    When I plug a cable into the WAN port
    And I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes

  # "If another message appears you need to complete the Quick Start": a new appliance on the
  # split network reaches the platform through the WAN and shows its ACTIVATION CODE.
  @SPLIT-018 @SPLIT-019 @needs-network @needs-platform
  Scenario: A new appliance on the split network shows the ACTIVATION CODE once DHCP on the WAN is enabled; after activation, its name and LAN address
    Given the lab network is "split"
    And the LAN has a DHCP server that leases 198.18.10.77 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows "ACTIVATION CODE"
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows "is_jdoe" within 1 minute
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @SPLIT-017 @ERRATA-019
  Scenario: The Up arrow two times at REALLY ENABLE DHCP ON WAN? quits for SETUP NETWORK, enabling nothing
    Given the "REALLY ENABLE DHCP ON WAN?" prompt is shown
    When I press UP
    Then the screen shows "REALLY ENABLE DHCP ON WAN?"
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    Then the screen shows "ENABLE DHCP ON WAN"

  @SPLIT-030 @ERRATA-007 @needs-network
  Scenario: Once DHCP on the WAN is configured, the option appears as RENEW DHCP ON WAN
    Given the lab network is "split"
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    Then the menu items from here down are:
      | RENEW DHCP ON WAN       |
      | ENABLE STATIC IP ON WAN |
      | EXIT THIS MENU          |

  # Management traffic stays on the WAN: with the WAN's cable pulled, the appliance does not turn
  # to the LAN, although the LAN's router reaches the Internet (the office network).
  @SPLIT-005 @SPLIT-007 @SPLIT-008 @needs-virtual-time @needs-network @needs-platform
  Scenario: No management traffic is routed to the LAN port: without the WAN the platform cannot be reached
    Given the WAN cable is plugged in
    And the appliance has been activated by user "jdoe"
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    Given the WAN cable is unplugged
    Then the screen shows "COMMUNICATION FAILURE" within 4 minutes

  # --- Enable Static IP on the WAN Interface ------------------------------------------------------

  @SPLIT-020 @SPLIT-021 @SPLIT-022 @SPLIT-023 @SPLIT-024 @SPLIT-025 @SPLIT-026 @SPLIT-027 @SPLIT-028 @SPLIT-005 @needs-power @needs-network @needs-platform
  Scenario: Static IP on the WAN: the prompts in turn, then the name and IP screen
    Given the appliance has been activated by user "jdoe"
    And the appliance is plugged in and switched off
    And the lab network is "split"
    And the LAN has a DHCP server that leases 198.18.10.77 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the WAN has no DHCP server
    And the appliance is running
    And the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    And I press DOWN until "ENABLE STATIC IP ON WAN" appears
    And I press ENTER
    Then the screen shows "CFG WAN STATIC NETWORK PARAMS?"
    When I press ENTER
    Then the screen shows "WAN IP ADDR"
    When I enter "198.18.20.30" at the "WAN IP ADDR" prompt
    Then the screen shows "WAN NETMASK"
    When I scroll the "WAN NETMASK" field to "255.255.255.000"
    And I press ENTER
    Then the screen shows "WAN GATEWAY"
    When I enter "198.18.20.1" at the "WAN GATEWAY" prompt
    Then the screen shows "WAN DNS1"
    When I enter "198.18.20.53" at the "WAN DNS1" prompt
    Then the screen shows "WAN DNS2"
    When I press ENTER
    Then the screen shows "REALLY SET WAN STATIC NETWORK?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @SPLIT-029 @ERRATA-007 @needs-network
  Scenario: Once static IP on the WAN is configured, the option changes to CHANGE STATIC IP ON WAN
    Given the lab network is "split"
    And the WAN has no DHCP server
    And the appliance is running
    When I enter "198.18.20.30" at the "WAN IP ADDR" prompt
    And I press ENTER
    And I enter "198.18.20.1" at the "WAN GATEWAY" prompt
    And I enter "198.18.20.53" at the "WAN DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SET WAN STATIC NETWORK?"
    When I press ENTER
    And I review the confirmation messages
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    Then the menu items from here down are:
      | ENABLE DHCP ON WAN      |
      | CHANGE STATIC IP ON WAN |
      | EXIT THIS MENU          |

  @SPLIT-021 @SPLIT-029
  Scenario: The Up arrow at CFG WAN STATIC NETWORK PARAMS? quits for SETUP NETWORK
    Given the "CFG WAN STATIC NETWORK PARAMS?" prompt is shown
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    And I press DOWN
    Then the screen shows "ENABLE STATIC IP ON WAN"

  @SPLIT-027 @SPLIT-029
  Scenario: The Up arrow at REALLY SET WAN STATIC NETWORK? quits for SETUP NETWORK, setting nothing
    Given the "WAN IP ADDR" prompt is shown
    When I enter "198.18.20.30" at the "WAN IP ADDR" prompt
    And I press ENTER
    And I enter "198.18.20.1" at the "WAN GATEWAY" prompt
    And I enter "198.18.20.53" at the "WAN DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SET WAN STATIC NETWORK?"
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    Given the "ENABLE WAN INTERFACE" menu item is shown
    When I press ENTER
    And I press DOWN
    Then the screen shows "ENABLE STATIC IP ON WAN"

  # --- LAN and WAN on the same subnet ------------------------------------------------------------

  # 2022 "Duplicate LAN and WAN config: LAN and WAN must be on different subnets." and "LAN and WAN
  # same gateway: LAN and WAN must be configured with different subnets and gateway addresses."
  # 2017 names neither: ERRATA-200 ("inv WAN IP cnf", after a WAN change: NETWORK ERR 08, "A user
  # configured an invalid static WAN IP address or gateway IP address").
  @SPLIT-014 @SPLIT-019 @ERRATA-242 @needs-network
  Scenario Outline: The appliance refuses LAN and WAN <what>: <error>
    Given the lab network is "split"
    And the WAN has no DHCP server
    And the appliance is running
    When I enter "<address>" at the "WAN IP ADDR" prompt
    And I press ENTER
    And I enter "<gateway>" at the "WAN GATEWAY" prompt
    And I enter "<dns>" at the "WAN DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SET WAN STATIC NETWORK?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows "<error>"

    @fw-2017 @ERRATA-200
    Examples: 2017
      | what                  | address      | gateway     | dns          | error                        |
      | on the same subnet    | 198.18.10.30 | 198.18.10.1 | 198.18.10.53 | NETWORK ERR 08 inv WAN IP cnf |
      | with the same gateway | 198.18.20.30 | 198.18.10.1 | 198.18.20.53 | NETWORK ERR 08 inv WAN IP cnf |

    @fw-2022
    Examples: 2022
      | what                  | address      | gateway     | dns          | error                        |
      | on the same subnet    | 198.18.10.30 | 198.18.10.1 | 198.18.10.53 | Duplicate LAN and WAN config |
      | with the same gateway | 198.18.20.30 | 198.18.10.1 | 198.18.20.53 | LAN and WAN same gateway     |

  # A DHCP server on the WAN that leases an address in the LAN's subnet.
  @SPLIT-014 @SPLIT-019 @needs-network
  Scenario Outline: DHCP on the WAN that puts it on the LAN's subnet is refused: <error>
    Given the lab network is "split"
    And the WAN has a DHCP server that leases 198.18.10.120 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows "<error>"

    @fw-2017 @ERRATA-200
    Examples: 2017
      | error                         |
      | NETWORK ERR 08 inv WAN IP cnf |

    @fw-2022
    Examples: 2022
      | error                        |
      | Duplicate LAN and WAN config |

  # --- IPv6-only mode ----------------------------------------------------------------------------

  @fw-2022 @SPLIT-009 @needs-network @needs-platform
  Scenario: Split network configuration is not offered in IPv6-only mode
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the main menu is shown
    When I press ENTER
    Then no menu option from here down is "ENABLE WAN INTERFACE"
    And the menu options from here down include:
      | ETHERNET PORT SETTINGS |
      | RESET NETWORK SETTINGS |

  @fw-2022 @SPLIT-009
  Scenario: In IPv4+v6 mode, the default, ENABLE WAN INTERFACE is offered
    Given the main menu is shown
    When I press ENTER
    Then the menu options from here down include:
      | ENABLE WAN INTERFACE |
