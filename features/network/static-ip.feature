@guide:static-ip
Feature: Configure Static IP Address
  "If DHCP is not on your network, you must enable the Scanner Appliance with a static IP address
  using the ENABLE STATIC IP ON LAN menu option. One of these configurations is required."
  "Entry fields for IP addresses used in the static IP address configuration are pre-filled with
  three digits for all octets, and you must enter a value for each digit. For example, to specify
  the IP address "176.34.20.5", you input the IP address as "176.034.020.005"."
  Tell me the steps: "2 Press the Down arrow until the ENABLE STATIC IP ON LAN menu option
  appears. Then press ENTER to continue. 3 When the CFG LAN STATIC NETWORK PARAMS? prompt
  appears, press ENTER to continue. Or press the Up arrow to quit this procedure and return to
  the SETUP NETWORK menu option." Then LAN IP ADDR, LAN NETMASK, LAN GATEWAY, LAN DNS1, LAN DNS2
  ("This entry is optional"), "Next are three optional network settings, used for informational
  purposes only. These Appliance settings are not used to access the internal network for
  scanning or the Qualys Cloud Platform for software updates. To skip these settings, press ENTER
  three times." (LAN WINS1, LAN WINS2, DOMAIN NAME; 2022: WINS DOMAIN, ERRATA-009). "7 When the
  REALLY SET LAN STATIC NETWORK? prompt appears, press ENTER to continue. Or press the Up arrow
  to quit this procedure and return to the SETUP NETWORK menu option. 8 Review the confirmation
  messages. The Scanner Appliance attempts to make a connection to the Qualys Cloud Platform
  using the new configuration. Upon success the SCANNER APPLIANCE NAME-IP ADDRESS message appears
  and the static IP address is enabled."
  Confirm the configuration: "A network error screen appears if the Scanner Appliance failed to
  make a connection to the Qualys Cloud Platform." (2022: "An appliance configuration error
  appears ...")
  Figure 2-6: "Once you configure ENABLE STATIC IP ON LAN the option will change to CHANGE STATIC
  IP ON LAN. Once you configure ENABLE DHCP ON LAN the option will appear as RENEW DHCP ON LAN."
  The lab: the office subnet 198.18.10.0/24, router 198.18.10.1, DNS server 198.18.10.53.

  Rule: The procedure

    @STIP-004 @STIP-005 @STIP-006 @STIP-007 @STIP-008 @STIP-009 @STIP-010 @STIP-011 @STIP-014 @STIP-015 @STIP-016 @STIP-017 @STIP-018 @STIP-019 @ERRATA-009 @needs-network @needs-platform
    Scenario Outline: The prompts in the guide's order lead to the name and IP screen with the static address
      Given the appliance has been activated by user "jdoe"
      And the LAN has no DHCP server
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "ENABLE STATIC IP ON LAN" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

    @STIP-011 @STIP-013
    Scenario: Three presses of ENTER skip the optional WINS and domain settings
      Given the "LAN DNS2" prompt is shown
      When I press ENTER
      Then the screen shows "LAN WINS1"
      When I press ENTER 3 times
      Then the screen shows "REALLY SET LAN STATIC NETWORK?"
      And the indicators are UP and ENTER

    @STIP-013 @STIP-014 @STIP-015 @STIP-016 @ERRATA-009
    Scenario Outline: The optional settings are asked in the order LAN WINS1, LAN WINS2, <domain>
      Given the "LAN WINS1" prompt is shown
      When I press ENTER
      Then the screen shows "LAN WINS2"
      When I press ENTER
      Then the screen shows "<domain>"
      When I press ENTER
      Then the screen shows "REALLY SET LAN STATIC NETWORK?"

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

    @STIP-001 @STIP-018 @STIP-020 @fw-2017 @needs-network
    Scenario: 2017 - without DHCP on the network the appliance reports LAN no IPv4 until a static IP address is enabled
      Given the LAN has no DHCP server
      And the appliance is running
      Then the screen shows "NETWORK ERR 06"
      And line 2 reads "LAN no IPv4"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | DOMAIN NAME                    |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows "ACTIVATION CODE"
      And the screen shows the activation code

    @STIP-001 @STIP-018 @STIP-021 @fw-2022 @needs-network
    Scenario: 2022 - without DHCP on the network the appliance reports no IPv4 address until a static IP address is enabled
      Given the LAN has no DHCP server
      And the appliance is running
      Then the screen shows "LAN has no IPv4 address"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | WINS DOMAIN                    |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows "ACTIVATION CODE"
      And the screen shows the activation code

    @STIP-002 @STIP-003 @STIP-006
    Scenario: LAN IP ADDR is pre-filled with three digits for every octet: 176.34.20.5 is input as 176.034.020.005
      Given the "LAN IP ADDR" prompt is shown
      Then the field reads a value in the format "nnn.nnn.nnn.nnn"
      When I key in "176.34.20.5" at the "LAN IP ADDR" prompt
      Then the field reads "176.034.020.005"
      When I press ENTER
      Then the screen shows "LAN NETMASK"

    @STIP-007 @MASK-001
    Scenario: At LAN NETMASK the Up and Down arrows scroll to the netmask, with no cursor
      Given the "LAN NETMASK" prompt is shown
      Then no cursor is shown
      When I scroll the "LAN NETMASK" field to "255.255.255.128"
      And I press ENTER
      Then the screen shows "LAN GATEWAY"

    # "These Appliance settings are not used to access the internal network for scanning or the
    # Qualys Cloud Platform": WINS servers and a domain that exist nowhere change nothing.
    @STIP-011 @STIP-012 @STIP-014 @STIP-015 @STIP-016 @ERRATA-003 @needs-network @needs-platform
    Scenario Outline: WINS servers and a domain name are for information only
      Given the appliance has been activated by user "jdoe"
      And the LAN has no DHCP server
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      | 198.18.10.91    |
        | LAN WINS2                      | 198.18.10.92    |
        | <domain>                       | MYDOMAIN.COM    |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

  Rule: Quitting the procedure

    @STIP-005 @ERRATA-019
    Scenario: The Up arrow at CFG LAN STATIC NETWORK PARAMS? quits to SETUP NETWORK
      Given the "ENABLE STATIC IP ON LAN" menu item is shown
      When I press ENTER
      Then the screen shows "CFG LAN STATIC NETWORK PARAMS?"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item

    @STIP-017 @ERRATA-019 @needs-platform
    Scenario Outline: The Up arrow at REALLY SET LAN STATIC NETWORK? quits to SETUP NETWORK and changes nothing
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
      Then the screen shows "REALLY SET LAN STATIC NETWORK?"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item
      When I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"
      When I press DOWN 2 times
      Then the screen shows "ENABLE STATIC IP ON LAN"
      And the screen does not show "CHANGE STATIC IP ON LAN"

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

  Rule: The menu options of Figure 2-6

    @STIP-022 @STIP-023 @STIP-024 @ERRATA-006 @needs-platform
    Scenario Outline: Once a static IP address is configured the option reads CHANGE STATIC IP ON LAN
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the menu items from here down are:
        | ENABLE DHCP ON LAN      |
        | ENABLE VLAN ON LAN      |
        | CHANGE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |
      When I press DOWN until "CHANGE STATIC IP ON LAN" appears
      And I press ENTER
      Then the screen shows "CFG LAN STATIC NETWORK PARAMS?"

      @fw-2017
      Examples: 2017
        | domain      | reset                |
        | DOMAIN NAME | RESET NETWORK CONFIG |

      @fw-2022
      Examples: 2022
        | domain      | reset                  |
        | WINS DOMAIN | RESET NETWORK SETTINGS |

    @STIP-022 @STIP-023 @STIP-024 @ERRATA-006 @needs-network @needs-platform
    Scenario Outline: With a static IP address and a VLAN, neither DHCP option is offered
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
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the menu items from here down are:
        | CHANGE VLAN ON LAN      |
        | CHANGE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |

      @fw-2017
      Examples: 2017
        | domain      | reset                |
        | DOMAIN NAME | RESET NETWORK CONFIG |

      @fw-2022
      Examples: 2022
        | domain      | reset                  |
        | WINS DOMAIN | RESET NETWORK SETTINGS |

  Rule: Confirm the configuration

    # 2017 code 07: "A user configured an invalid static LAN IP address or gateway IP address and
    # this was saved with the Appliance's network settings"; "inv LAN IP cnf - Invalid LAN IP
    # configuration". 2022: "Invalid LAN IP configuration - Ensure a valid IP address is assigned
    # to the LAN interface."
    @STIP-018 @STIP-020 @STIP-021 @needs-platform
    Scenario Outline: An address outside the gateway's subnet ends on an error screen, not on the name and IP screen
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.11.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | domain      | error                         |
        | DOMAIN NAME | NETWORK ERR 07 inv LAN IP cnf |

      @fw-2022
      Examples: 2022
        | domain      | error                        |
        | WINS DOMAIN | Invalid LAN IP configuration |

    # A gateway that is not the subnet's router: the platform cannot be reached. 2017 code 10: "A
    # user configured the LAN interface and this was saved ... attempted to make a connection to
    # the Qualys Cloud Platform using the saved network settings, and it failed"; "QG con timeout".
    # 2022 "Timeout was reached (28)".
    @STIP-018 @STIP-020 @STIP-021 @needs-platform
    Scenario Outline: A wrong gateway ends on an error screen
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.2     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | domain      | error                         |
        | DOMAIN NAME | NETWORK ERR 10 QG con timeout |

      @fw-2022
      Examples: 2022
        | domain      | error                    |
        | WINS DOMAIN | Timeout was reached (28) |
