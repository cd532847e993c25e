@guide:vlan-appliance-ui
Feature: Configure VLANs and Static Routes - Configure VLAN using the Appliance UI
  "The Scanner Appliance supports VLAN trunking on the LAN interface for scanning traffic. VLAN
  trunking on the WAN interface is not supported. One VLAN interface (802.1Q) may be configured
  using the Scanner Appliance user interface (LCD and Remote Console)."
  "How it works - The Scanner Appliance adds VLAN tag(s) to all scanning packets following the
  802.1Q tagging protocol."
  "A VLAN that is defined using the Scanner Appliance UI is saved on the Appliance and can't be
  edited using the Qualys UI."
  Configure VLAN: "1 Go to the SETUP NETWORK menu option and press ENTER to continue. 2 Press the
  Down arrow one time. When the ENABLE VLAN ON LAN menu option appears, press ENTER to continue.
  3 When the prompt VLAN 0-4094 appears, specify the VLAN ID. The value "0000" appears in the
  screen by default. Specify the VLAN ID, and then press ENTER to continue."
  Change VLAN: "A default VLAN that you've added using the Scanner Appliance user interface (LCD
  and Remote Console) can be changed at any time. To do this, select the CHANGE VLAN ON LAN menu
  option from the SETUP NETWORK menu. Then enter another VLAN ID and press ENTER."
  Disable VLAN: "To disable a default VLAN, select the CHANGE VLAN ON LAN menu option from the
  SETUP NETWORK menu. Then enter the VLAN ID "0000" and press ENTER. After the configuration is
  disabled the ENABLE DHCP ON LAN menu option appears on the Scanner Appliance interface."
  Figure 2-6: "(*) One option may be enabled: ENABLE VLAN ON LAN or ENABLE DHCP ON LAN. After one
  option is enabled, the other option disappears from the SETUP NETWORK menu." ERRATA-006: a VLAN
  takes the LAN off DHCP (a static IP address is configured with it), and the DHCP option is not
  offered while a VLAN is set.
  The "trunk" lab network: the LAN port is on an 802.1Q trunk; untagged frames reach a native
  subnet without DHCP or Internet access; VLAN 100 carries 198.18.100.0/24 (router
  198.18.100.1, DNS server 198.18.100.53) with Internet access.

  Rule: Configure VLAN

    @VLAN-006 @VLAN-007 @VLAN-008 @ERRATA-006
    Scenario: ENABLE VLAN ON LAN is one Down arrow below the first option, and VLAN 0-4094 shows 0000
      Given the appliance has its factory network settings
      And the main menu is shown
      When I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"
      When I press DOWN
      Then the screen shows "ENABLE VLAN ON LAN"
      When I press ENTER
      Then the screen shows "VLAN 0-4094"
      And the field reads "0000"
      And the cursor is under character 1 of the field

    @VLAN-006 @STIP-022 @STIP-023 @ERRATA-006 @ERRATA-007
    Scenario Outline: With DHCP on the LAN and no VLAN, SETUP NETWORK offers ENABLE VLAN ON LAN but no ENABLE DHCP ON LAN
      Given the appliance has its factory network settings
      And the main menu is shown
      When I press ENTER
      Then the menu items from here down are:
        | RENEW DHCP ON LAN       |
        | ENABLE VLAN ON LAN      |
        | ENABLE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |

      @fw-2017
      Examples: 2017
        | reset                |
        | RESET NETWORK CONFIG |

      @fw-2022
      Examples: 2022
        | reset                  |
        | RESET NETWORK SETTINGS |

    @VLAN-003 @VLAN-007 @VLAN-010 @STIP-022 @STIP-023 @ERRATA-006 @needs-platform
    Scenario Outline: Once a VLAN is enabled the option reads CHANGE VLAN ON LAN and no DHCP option is offered
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the screen shows "CHANGE VLAN ON LAN"
      And the menu items from here down are:
        | CHANGE VLAN ON LAN      |
        | ENABLE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |
      When I press ENTER
      Then the screen shows "VLAN 0-4094"
      And the field reads "0100"

      @fw-2017
      Examples: 2017
        | reset                |
        | RESET NETWORK CONFIG |

      @fw-2022
      Examples: 2022
        | reset                  |
        | RESET NETWORK SETTINGS |

    @VLAN-007 @ERRATA-021
    Scenario: A VLAN ID over 4094 is not taken
      Given the "VLAN 0-4094" prompt is shown
      When I key in "4095" at the "VLAN 0-4094" prompt
      And I press ENTER
      Then the "VLAN 0-4094" prompt is shown again
      And the field reads "4095"
      When I key in "4094" at the "VLAN 0-4094" prompt
      And I press ENTER
      Then the screen does not show "VLAN 0-4094"

    # No confirmation prompt is documented for the VLAN: ENTER applies it (ERRATA-222).
    @VLAN-007 @VLAN-008 @ERRATA-222 @ERRATA-012 @needs-platform
    Scenario: ENTER at VLAN 0-4094 applies the VLAN ID at once; 0000 leaves the appliance without a VLAN
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      Then the screen shows "VLAN 0-4094"
      When I press UP
      Then the field reads "1000"
      And the screen shows "VLAN 0-4094"
      When I press DOWN
      Then the field reads "0000"
      When I press ENTER
      Then the screen shows "CONTACTING QUALYS"
      And the screen shows "is_jdoe" within 1 minute
      And the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"
      When I press DOWN
      Then the screen shows "ENABLE VLAN ON LAN"

  Rule: Change VLAN and disable VLAN

    @VLAN-003 @VLAN-009 @VLAN-010 @ERRATA-226 @needs-platform
    Scenario: CHANGE VLAN ON LAN shows the VLAN ID in use and takes another one in its place
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "CHANGE VLAN ON LAN" menu option
      And I press ENTER
      Then the screen shows "VLAN 0-4094"
      And the field reads "0100"
      When I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0200  |
      And I review the confirmation messages
      And I go to the "CHANGE VLAN ON LAN" menu option
      And I press ENTER
      Then the field reads "0200"

    @VLAN-011 @VLAN-012 @STIP-022 @STIP-023 @ERRATA-006 @needs-platform
    Scenario Outline: VLAN ID 0000 disables the VLAN, and then ENABLE DHCP ON LAN appears
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "CHANGE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0000  |
      And I review the confirmation messages
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the screen shows "ENABLE DHCP ON LAN"
      And the menu items from here down are:
        | ENABLE DHCP ON LAN      |
        | ENABLE VLAN ON LAN      |
        | ENABLE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |
      When I press ENTER
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | reset                |
        | RESET NETWORK CONFIG |

      @fw-2022
      Examples: 2022
        | reset                  |
        | RESET NETWORK SETTINGS |

  Rule: The VLAN on the network

    # VLAN 100 reaches the scanning subnet of the trunk; untagged frames do not (no DHCP there).
    @VLAN-001 @VLAN-004 @VLAN-007 @STIP-001 @ERRATA-006 @needs-network @needs-platform
    Scenario Outline: On a trunk port the VLAN ID leads the appliance's traffic to the VLAN's subnet and the platform
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      Then the screen shows "<no address>"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.100.30   |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.100.1    |
        | LAN DNS1                       | 198.18.100.53   |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.100.30" and the platform indicator

      # 2017 code 13: "A user configured VLANs and this was saved with the Appliance's network
      # settings. Then the Appliance attempted to make a connection ... and it failed."
      @fw-2017
      Examples: 2017
        | no address  | domain      |
        | LAN no IPv4 | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | no address              | domain      |
        | LAN has no IPv4 address | WINS DOMAIN |

    @VLAN-001 @VLAN-009 @VLAN-010 @needs-network @needs-platform
    Scenario Outline: A VLAN ID the trunk does not carry leaves the appliance without a connection
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.100.30   |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.100.1    |
        | LAN DNS1                       | 198.18.100.53   |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      When I go to the "CHANGE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0200  |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | domain      | error          |
        | DOMAIN NAME | NETWORK ERR 13 |

      @fw-2022
      Examples: 2022
        | domain      | error                        |
        | WINS DOMAIN | LAN DNS server not reachable |

    @VLAN-005 @needs-platform
    Scenario: The VLAN is saved on the appliance: it is still there after a restart
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "SYSTEM REBOOT" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "REBOOTING SYSTEM"
      When I review the confirmation messages
      And I go to the "CHANGE VLAN ON LAN" menu option
      And I press ENTER
      Then the screen shows "VLAN 0-4094"
      And the field reads "0100"

    @VLAN-002 @ERRATA-007
    Scenario: The WAN interface has no VLAN option
      Given the "ENABLE WAN INTERFACE" menu item is shown
      When I press ENTER
      Then the menu items from here down are:
        | ENABLE DHCP ON WAN      |
        | ENABLE STATIC IP ON WAN |
        | EXIT THIS MENU          |

    # 2022: "This is supported in IPv4+v6 network mode (the default) and IPv6-only mode." The
    # "ipv6-only-trunk" lab network: router advertisements only on VLAN 100 (2001:db8:100::20).
    @VLAN-006 @VLAN-007 @VLAN-008 @VLAN-013 @fw-2022 @needs-network @needs-platform
    Scenario: 2022 - in IPv6-only mode the VLAN is configured the same way
      Given the appliance has been activated by user "jdoe"
      And the lab network is "ipv6-only-trunk"
      And the appliance has been reset to IPv6-only mode
      Then the screen does not show "is_jdoe"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN
      Then the screen shows "ENABLE VLAN ON LAN"
      When I press ENTER
      Then the screen shows "VLAN 0-4094"
      And the field reads "0000"
      When I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "2001:db8:100::20" and the platform indicator
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN
      Then the screen shows "CHANGE VLAN ON LAN"
