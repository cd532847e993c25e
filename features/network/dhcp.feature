@guide:static-ip @guide:changing-network-config
Feature: DHCP on the LAN interface - ENABLE DHCP ON LAN and RENEW DHCP ON LAN
  "By default the Scanner Appliance is pre-configured with DHCP." (Network requirements /
  configuration, "DHCP or Static IP")
  Figure 2-6: "We'll update menu options once you configure settings. Once you configure ENABLE
  STATIC IP ON LAN the option will change to CHANGE STATIC IP ON LAN. Once you configure ENABLE
  DHCP ON LAN the option will appear as RENEW DHCP ON LAN."
  "(*) One option may be enabled: ENABLE VLAN ON LAN or ENABLE DHCP ON LAN. After one option is
  enabled, the other option disappears from the SETUP NETWORK menu." (ERRATA-006)
  "You can make updates to the network configuration at any time using the Scanner Appliance
  interface."
  The office lab network: the LAN's DHCP server leases 198.18.10.20 with gateway 198.18.10.1 and
  DNS server 198.18.10.53.

  @STIP-025 @NREQ-009 @needs-platform
  Scenario: Out of the box the LAN uses DHCP: the first SETUP NETWORK option is RENEW DHCP ON LAN
    Given the appliance has been activated by user "jdoe"
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
    When I go to the "SETUP NETWORK" menu option
    And I press ENTER
    Then the screen shows "RENEW DHCP ON LAN"
    And the indicators are DOWN and ENTER

  @STIP-022 @STIP-023 @STIP-024 @STIP-025 @CHG-003 @ERRATA-006 @ERRATA-223 @needs-platform
  Scenario Outline: ENABLE DHCP ON LAN after a static IP address: the leased address is used and the option reads RENEW DHCP ON LAN
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
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator
    When I go to the "SETUP NETWORK" menu option
    And I press ENTER
    Then the screen shows "ENABLE DHCP ON LAN"
    When I press ENTER
    Then the screen shows "CONTACTING QUALYS"
    When I review the confirmation messages
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

    @fw-2017
    Examples: 2017
      | domain      | reset                |
      | DOMAIN NAME | RESET NETWORK CONFIG |

    @fw-2022
    Examples: 2022
      | domain      | reset                  |
      | WINS DOMAIN | RESET NETWORK SETTINGS |

  @STIP-025 @CHG-003 @ERRATA-223 @needs-network @needs-platform
  Scenario: RENEW DHCP ON LAN picks up the address the DHCP server leases now
    Given the appliance has been activated by user "jdoe"
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
    When the LAN's DHCP server now leases 198.18.10.77
    And I go to the "RENEW DHCP ON LAN" menu option
    And I press ENTER
    Then the screen shows "CONTACTING QUALYS"
    When I review the confirmation messages
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.77" and the platform indicator
    When I go to the "SETUP NETWORK" menu option
    And I press ENTER
    Then the screen shows "RENEW DHCP ON LAN"

  # 2017 code 10: "A user configured the LAN interface and this was saved with the network
  # settings. Then the Appliance attempted to make a connection ... and it failed"; "LAN no IPv4 -
  # LAN has no IPv4 address". 2022: "LAN has no IPv4 address - ... If configuring LAN for
  # DHCP-IP assignment, make sure the DHCP server is accessible and functional."
  @STIP-025 @CHG-009 @CHG-010 @needs-network @needs-platform
  Scenario Outline: RENEW DHCP ON LAN with no DHCP server left on the LAN ends on an error screen
    Given the appliance has been activated by user "jdoe"
    And the LAN has no DHCP server
    When I go to the "RENEW DHCP ON LAN" menu option
    And I press ENTER
    And I review the confirmation messages
    Then the screen does not show "is_jdoe"
    And the screen shows "<error>"

    @fw-2017
    Examples: 2017
      | error                      |
      | NETWORK ERR 10 LAN no IPv4 |

    @fw-2022
    Examples: 2022
      | error                   |
      | LAN has no IPv4 address |
