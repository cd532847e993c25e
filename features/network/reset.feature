@guide:reset-network
Feature: Reset the Network Configuration (2017) / Reset All Network Settings (2022)
  2017: "You have the option to reset the network configuration to the factory default using the
  RESET NETWORK CONFIG menu option" ... "When the REALLY RESET NETWORK CONFIG? prompt appears,
  press ENTER to continue. Or press the Up arrow to quit this procedure and return to the SETUP
  NETWORK menu."
  2022: "... using the RESET NETWORK SETTINGS menu option" ... "When the REALLY RESET ALL
  SETTINGS? prompt appears, press ENTER to continue. Or press the Up arrow to quit this procedure
  and return to the SETUP NETWORK menu."
  "Important! When you reset the network configuration the service resets the network settings to
  the factory default. Any existing network settings that were customized by the user are
  removed. These include settings entered using the Scanner Appliance interface such as static IP
  address, Proxy support, the WAN interface configuration, Ethernet port configuration, and
  user/password store."
  "The Scanner Appliance attempts to connect to the Qualys Cloud Platform using the default network
  configuration (DHCP enabled, no VLAN configuration, no Proxy configuration, no split network
  configuration, and Ethernet auto negotiation enabled)." 2022 adds: "Default network
  configuration for IPv6-only mode: Automatic IPv6, no Proxy configuration, no VLAN
  configuration."
  "In a case where the Scanner Appliance network configuration was customized (not identical to
  the default configuration provided by Qualys) before the reset, further network configuration
  is necessary in order for the Scanner Appliance to connect to the Qualys Cloud Platform and
  perform scans."
  The defaults are observed through the menu options: RENEW DHCP ON LAN (DHCP enabled), ENABLE
  VLAN ON LAN (no VLAN), ENABLE PROXY (no proxy), ENABLE DHCP ON WAN and ENABLE STATIC IP ON WAN
  (no split network), and LAN PORT LINK showing AUTO (auto negotiation).

  Rule: The confirmation

    @RESET-001 @RESET-005 @RESET-007 @ERRATA-019 @fw-2017
    Scenario: 2017 - RESET NETWORK CONFIG asks REALLY RESET NETWORK CONFIG?; the Up arrow quits to SETUP NETWORK
      Given the main menu is shown
      When I press ENTER
      And I press DOWN until "RESET NETWORK CONFIG" appears
      And I press ENTER
      Then the screen shows "REALLY RESET NETWORK CONFIG?"
      And the indicators are UP and ENTER
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item

    @RESET-002 @RESET-006 @RESET-008 @ERRATA-019 @fw-2022
    Scenario: 2022 - RESET NETWORK SETTINGS asks REALLY RESET ALL SETTINGS?; the Up arrow quits to SETUP NETWORK
      Given the main menu is shown
      When I press ENTER
      And I press DOWN until "RESET NETWORK SETTINGS" appears
      And I press ENTER
      Then the screen shows "REALLY RESET ALL SETTINGS?"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item

    @RESET-007 @RESET-008 @ERRATA-019 @needs-platform
    Scenario Outline: Quitting at <confirmation> keeps the customized settings
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE VLAN ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt      | entry |
        | VLAN 0-4094 | 0100  |
      And I review the confirmation messages
      And I go to the "<option>" menu option
      And I press ENTER
      Then the screen shows "<confirmation>"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      When I press ENTER
      Then the screen shows "CHANGE VLAN ON LAN"

      @fw-2017
      Examples: 2017
        | option               | confirmation                 |
        | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? |

      @fw-2022
      Examples: 2022
        | option                 | confirmation               |
        | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? |

  Rule: The factory default

    @RESET-001 @RESET-002 @RESET-003 @RESET-004 @RESET-009 @RESET-010 @RESET-011 @ERRATA-006 @needs-platform
    Scenario Outline: A reset removes the VLAN, the static IP address, the proxy, the WAN interface and the port link setting
      Given the appliance has been activated by user "jdoe"
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
      And I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             | scanner     |
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      And I go to the "ENABLE WAN INTERFACE" menu option
      And I press ENTER
      And I press DOWN until "ENABLE DHCP ON WAN" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                     | entry |
        | REALLY ENABLE DHCP ON WAN? |       |
      And I review the confirmation messages
      And I go to the "ETHERNET PORT SETTINGS" menu option
      And I press ENTER
      Then the screen shows "LAN PORT LINK"
      When I press RIGHT
      Then the field reads "1GbaseT/Full"
      When I press ENTER
      Then the screen shows "REALLY SET LAN TO 1GbaseT/Full"
      When I press ENTER
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the menu items from here down are:
        | CHANGE VLAN ON LAN      |
        | CHANGE STATIC IP ON LAN |
        | CHANGE PROXY PARAMS     |
        | DISABLE PROXY           |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |
      When I press DOWN until "<reset>" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt         | entry |
        | <confirmation> |       |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the menu items from here down are:
        | RENEW DHCP ON LAN       |
        | ENABLE VLAN ON LAN      |
        | ENABLE STATIC IP ON LAN |
        | ENABLE PROXY            |
        | ENABLE WAN INTERFACE    |
        | ETHERNET PORT SETTINGS  |
        | <reset>                 |
        | EXIT THIS MENU          |
      When I press DOWN until "ENABLE WAN INTERFACE" appears
      And I press ENTER
      Then the menu items from here down are:
        | ENABLE DHCP ON WAN      |
        | ENABLE STATIC IP ON WAN |
        | EXIT THIS MENU          |
      When I go to the "ETHERNET PORT SETTINGS" menu option
      And I press ENTER
      Then the screen shows "LAN PORT LINK"
      And the field reads "AUTO"

      @fw-2017
      Examples: 2017
        | domain      | host       | reset                | confirmation                 |
        | DOMAIN NAME | IP ADDRESS | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? |

      @fw-2022
      Examples: 2022
        | domain      | host       | reset                  | confirmation               |
        | WINS DOMAIN | PROXY HOST | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? |

    # "user/password store": the proxy user and password are gone with the proxy.
    @RESET-003 @RESET-004 @needs-network @needs-platform
    Scenario Outline: After a reset the proxy user and password are no longer stored
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      And the proxy asks for Basic authentication as "scanner" with the password named "proxy-basic"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             | scanner     |
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      When I go to the "<reset>" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt         | entry |
        | <confirmation> |       |
      And I review the confirmation messages
      And I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry |
        | CONFIG PROXY PARAMETERS |       |
        | <host>                  |       |
      Then the screen shows "PROXY PORT:"
      And the field reads "0443"
      When I press ENTER
      Then the screen shows "PROXY USER:"
      And the field is blank
      When I press ENTER
      Then the screen shows "PROXY PASSW"
      And the field is blank

      @fw-2017
      Examples: 2017
        | host       | reset                | confirmation                 |
        | IP ADDRESS | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? |

      @fw-2022
      Examples: 2022
        | host       | reset                  | confirmation               |
        | PROXY HOST | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? |

    # Behind the proxy, the reset removes the proxy the appliance needs: 2017 code 10 ("A user
    # configured the LAN interface and this was saved"), "QG con timeout"; 2022 "Timeout was
    # reached (28)".
    @RESET-009 @RESET-013 @needs-network @needs-platform
    Scenario Outline: A reset of a customized configuration leaves the appliance without a connection until it is configured again
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      When I go to the "<reset>" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt         | entry |
        | <confirmation> |       |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | host       | reset                | confirmation                 | error                         |
        | IP ADDRESS | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? | NETWORK ERR 10 QG con timeout |

      @fw-2022
      Examples: 2022
        | host       | reset                  | confirmation               | error                    |
        | PROXY HOST | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? | Timeout was reached (28) |

    @RESET-009 @RESET-010 @RESET-011 @RESET-013 @needs-network @needs-platform
    Scenario Outline: Without DHCP on the network, a reset from a static IP address leaves the LAN without an address
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
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator
      When I go to the "<reset>" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt         | entry |
        | <confirmation> |       |
      And I review the confirmation messages
      Then the screen shows "<error>"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"

      @fw-2017
      Examples: 2017
        | domain      | reset                | confirmation                 | error                      |
        | DOMAIN NAME | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? | NETWORK ERR 10 LAN no IPv4 |

      @fw-2022
      Examples: 2022
        | domain      | reset                  | confirmation               | error                   |
        | WINS DOMAIN | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? | LAN has no IPv4 address |
