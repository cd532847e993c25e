@guide:ipv6-only-mode @fw-2022
Feature: Enable IPv6-only Mode, Network Settings in IPv6-only Mode, Renew Auto IPv6 on LAN (2022)
  "When you deploy a scanner appliance, it works in IPv4+v6 mode by default. You have the option
  to enable IPv6-only mode. When you enable IPv6-only mode, all communications will use IPv6
  addresses instead of IPv4 addresses, and you'll see additional menu options in the LCD display
  for IPv6 network and proxy configurations."
  "In IPv6-only mode, you have the option to configure the scanner network interface with either a
  manual or automatic IPv6 configuration. IPv6-only mode supports proxy and VLAN configurations.
  Proxy and VLAN configurations work the same whether you're in IPv4+v6 mode or IPv6-only mode."
  "Automatic IPv6 is the default network configuration for a scanner in IPv6-only mode. When using
  automatic IPv6 we'll do IPv6 address assignment through router advertisement."
  "Even with automatic IPv6 configuration, you have an option to configure manual DNS resolvers
  for your scanner. If configured manually, IPv6 DNS1 and IPv6 DNS2 resolvers will take precedence
  over the DNS resolvers acquired from DHCPv6 and RADVD."

  The lab's networks: "dual-stack" (DHCP gives 198.18.10.20, router advertisements
  2001:db8:10::20), "ipv6-only" (router advertisements give 2001:db8:10::20, gateway
  2001:db8:10::1, DNS 2001:db8:10::53; a second DNS server, 2001:db8:10::54, is not advertised),
  "ipv6-only-proxy" (the Internet only through the proxy [2001:db8:10::8]:3128, proxy.lab.test)
  and "ipv6-only-trunk" (router advertisements only on VLAN 100: 2001:db8:100::20).

  # --- Step 1 - Reset to IPv6-only mode -----------------------------------------------------------

  @V6O-001 @needs-network @needs-platform
  Scenario: A new appliance works in IPv4+v6 mode: IPv4 address, IPv4 settings, and the option to reset to IPv6-only mode
    Given the lab network is "dual-stack"
    And the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the appliance has been activated by user "jdoe"
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    Given the main menu is shown
    When I press ENTER
    Then the menu options from here down include:
      | RENEW DHCP ON LAN       |
      | ENABLE STATIC IP ON LAN |
      | ENABLE WAN INTERFACE    |
    And no menu option from here down is "ENABLE STATIC IPv6 ON LAN?"
    And no menu option from here down is "RENEW AUTO IPv6 ON LAN?"
    When I press DOWN until "RESET NETWORK SETTINGS" appears
    And I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    Then the indicators are UP and ENTER

  @V6O-002 @V6O-004 @V6O-005 @V6O-008 @V6O-009 @needs-network @needs-platform
  Scenario: RESET TO IPv6 ONLY MODE?: the appliance then uses IPv6, with the address router advertisement assigns
    Given the lab network is "dual-stack"
    And the appliance has been activated by user "jdoe"
    And the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

  @V6O-005 @ERRATA-019
  Scenario: The Up arrow at RESET TO IPv6 ONLY MODE? quits for SETUP NETWORK: the mode stays IPv4+v6
    Given the appliance has its factory network settings
    And the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    And I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    When I press ENTER
    Then the menu options from here down include:
      | RENEW DHCP ON LAN    |
      | ENABLE WAN INTERFACE |

  # "you'll see additional menu options in the LCD display for IPv6 network and proxy
  # configurations": the IPv6 options of SETUP NETWORK, and PROXY HOST taking IPv6 addresses
  # ("IPv6-only mode: IPv6 addresses are allowed in expanded and collapsed formats").
  @V6O-002 @V6O-003 @V6O-006 @V6O-015 @V6O-023 @needs-network @needs-platform
  Scenario: In IPv6-only mode SETUP NETWORK offers the IPv6 options instead of the IPv4 ones
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the main menu is shown
    When I press ENTER
    Then the menu options from here down include:
      | RENEW AUTO IPv6 ON LAN?    |
      | ENABLE STATIC IPv6 ON LAN? |
      | ENABLE VLAN ON LAN         |
      | ENABLE PROXY               |
    And no menu option from here down is "RENEW DHCP ON LAN"
    And no menu option from here down is "ENABLE DHCP ON LAN"
    And no menu option from here down is "ENABLE STATIC IP ON LAN"

  @V6O-003 @needs-network
  Scenario: In IPv6-only mode the PROXY HOST field offers the colon and the hexadecimal digits of IPv6 addresses
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "PROXY HOST" prompt is shown
    Then pressing UP 80 times puts each of ":abcdef0123456789" under the cursor

  # --- Configure the scanner with automatic IPv6 ------------------------------------------------

  # "Scroll Left and Right to view the complete IPv6 address. The IPv6 address cannot be changed."
  # "The prefix length for automatic IPv6 cannot be changed." An address from SLAAC, longer than
  # the 16 characters a field shows.
  @V6O-023 @V6O-024 @V6O-025 @V6O-026 @V6O-027 @needs-network
  Scenario: RENEW AUTO IPv6 ON LAN?: Auto v6 ADDR and Auto PREFLEN are shown, not changed; Auto GATEWAY holds the router's address
    Given the lab network is "ipv6-only"
    And the router advertisements on the LAN give the appliance the address "2001:db8:10:0:250:56ff:feb3:b89"
    And the appliance has been reset to IPv6-only mode
    And the "RENEW AUTO IPv6 ON LAN?" menu item is shown
    When I press ENTER
    Then the screen shows "Auto v6 ADDR"
    And the field reads "2001:db8:10:0:25"
    And no cursor is shown
    And scrolling RIGHT and LEFT shows the whole address "2001:db8:10:0:250:56ff:feb3:b89"
    And pressing UP and DOWN does nothing
    When I press ENTER
    Then the screen shows "Auto PREFLEN"
    And the field reads "64"
    And pressing UP, DOWN, LEFT and RIGHT does nothing
    When I press ENTER
    Then the screen shows "Auto GATEWAY"
    And the whole field reads "2001:db8:10::1"

  @V6O-027 @V6O-028 @V6O-029 @V6O-030 @needs-network @needs-platform
  Scenario: Renewing automatic IPv6 through Manual DNS1, Manual DNS2 and REALLY SETUP AUTO LAN IPV6?
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "RENEW AUTO IPv6 ON LAN?" menu item is shown
    When I press ENTER
    Then the screen shows "Auto v6 ADDR"
    When I press ENTER
    Then the screen shows "Auto PREFLEN"
    When I press ENTER
    Then the screen shows "Auto GATEWAY"
    When I press ENTER
    Then the screen shows "Manual DNS1"
    When I press ENTER
    Then the screen shows "Manual DNS2"
    When I press ENTER
    Then the screen shows "REALLY SETUP AUTO LAN IPV6?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

  @V6O-028 @ERRATA-027 @needs-network
  Scenario: The Up arrow at a blank Manual DNS1 quits for SETUP NETWORK
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "Manual DNS1" prompt is shown
    Then the field is blank
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item

  # The Up arrow quits at a blank Manual DNS1 (ERRATA-027): an address is begun with the Down arrow.
  @V6O-028 @ERRATA-027 @needs-network
  Scenario: Once a character is entered at Manual DNS1, the Up arrow scrolls it as in every field
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "Manual DNS1" prompt is shown
    When I press DOWN until the character under the cursor is "2"
    And I press UP
    Then the screen shows "Manual DNS1"
    And the character under the cursor is "3"

  @V6O-030 @needs-network
  Scenario: The Up arrow at REALLY SETUP AUTO LAN IPV6? quits for SETUP NETWORK, storing no DNS server
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "Manual DNS1" prompt is shown
    When I press DOWN until the character under the cursor is "2"
    And I enter "2001:db8:10::54" at the "Manual DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SETUP AUTO LAN IPV6?"
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    Given the "Manual DNS1" prompt is shown
    Then the field is blank

  # The DNS server the router advertisements name stops answering; 2001:db8:10::54 answers.
  @V6O-010 @V6O-011 @V6O-028 @V6O-029 @needs-network @needs-platform
  Scenario: Manual DNS resolvers take precedence over those from router advertisements
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the DNS servers the router advertisements name do not answer
    And the "Manual DNS1" prompt is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "REALLY SETUP AUTO LAN IPV6?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows "LAN DNS server not reachable"
    Given the "Manual DNS1" prompt is shown
    When I press DOWN until the character under the cursor is "2"
    And I enter "2001:db8:10::54" at the "Manual DNS1" prompt
    Then the screen shows "Manual DNS2"
    When I press ENTER
    Then the screen shows "REALLY SETUP AUTO LAN IPV6?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

  # --- Configure the scanner with manual IPv6 ---------------------------------------------------

  # Without router advertisements the appliance has no address (ERRATA-209: "LAN has no IPv4
  # address"); the manual IPv6 address brings it to the platform.
  @V6O-012 @V6O-015 @V6O-016 @V6O-017 @V6O-018 @V6O-019 @V6O-020 @V6O-021 @V6O-022 @ERRATA-209 @needs-network @needs-platform
  Scenario: ENABLE STATIC IPv6 ON LAN? where automatic IPv6 address assignment is not available
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the LAN has no automatic IPv6 address assignment
    And the appliance has been reset to IPv6-only mode
    Then the screen shows "LAN has no IPv4 address"
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    And I press DOWN until "ENABLE STATIC IPv6 ON LAN?" appears
    And I press ENTER
    Then the screen shows "IPv6 ADDR"
    When I enter "2001:db8:10::30" at the "IPv6 ADDR" prompt
    Then the screen shows "IPv6 PREFLEN"
    And the field reads "64"
    When I press ENTER
    Then the screen shows "IPv6 GW"
    When I enter "2001:db8:10::1" at the "IPv6 GW" prompt
    Then the screen shows "IPv6 DNS1"
    When I enter "2001:db8:10::53" at the "IPv6 DNS1" prompt
    Then the screen shows "IPv6 DNS2"
    When I press ENTER
    Then the screen shows "REALLY SETUP STATIC LAN IPV6?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::30"

  # "Note: Anytime you enter an IPv6 address, both expanded and compressed formats are supported."
  @V6O-014 @V6O-016 @V6O-022 @needs-network @needs-platform
  Scenario Outline: A manual IPv6 address in <format> format: <address>
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the LAN has no automatic IPv6 address assignment
    And the appliance has been reset to IPv6-only mode
    When I enter "<address>" at the "IPv6 ADDR" prompt
    And I press ENTER
    And I enter "<gateway>" at the "IPv6 GW" prompt
    And I enter "<dns>" at the "IPv6 DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SETUP STATIC LAN IPV6?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows "is_jdoe"

    Examples:
      | format     | address                                 | gateway                                 | dns             |
      | compressed | 2001:db8:10::30                         | 2001:db8:10::1                          | 2001:db8:10::53 |
      | expanded   | 2001:0db8:0010:0000:0000:0000:0000:0030 | 2001:0db8:0010:0000:0000:0000:0000:0001 | 2001:db8:10::53 |

  @V6O-017 @ERRATA-025 @needs-network
  Scenario: IPv6 PREFLEN scrolls with the Up and Down arrows, from 64
    Given the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    And the "IPv6 ADDR" prompt is shown
    When I enter "2001:db8:10::30" at the "IPv6 ADDR" prompt
    Then the screen shows "IPv6 PREFLEN"
    And the field reads "64"
    And no cursor is shown
    When I press UP
    Then the field reads "65"
    When I press DOWN 2 times
    Then the field reads "63"
    When I press UP 65 times
    Then the field reads "128"
    When I press UP
    Then the field reads "1"
    When I press DOWN
    Then the field reads "128"

  @V6O-017 @V6O-022 @ERRATA-025 @needs-network @needs-platform
  Scenario: The prefix length chosen at IPv6 PREFLEN is stored with the manual address
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the LAN has no automatic IPv6 address assignment
    And the appliance has been reset to IPv6-only mode
    When I enter "2001:db8:10::30" at the "IPv6 ADDR" prompt
    And I press DOWN 16 times
    Then the field reads "48"
    When I press ENTER
    And I enter "2001:db8:10::1" at the "IPv6 GW" prompt
    And I enter "2001:db8:10::53" at the "IPv6 DNS1" prompt
    And I press ENTER
    And I press ENTER
    And I go back to the "IPv6 PREFLEN" prompt through "ENABLE STATIC IPv6 ON LAN?"
    Then the field reads "48"

  @V6O-021 @needs-network @needs-platform
  Scenario: The Up arrow at REALLY SETUP STATIC LAN IPV6? quits for SETUP NETWORK, setting nothing
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only"
    And the appliance has been reset to IPv6-only mode
    When I enter "2001:db8:10::30" at the "IPv6 ADDR" prompt
    And I press ENTER
    And I enter "2001:db8:10::1" at the "IPv6 GW" prompt
    And I enter "2001:db8:10::53" at the "IPv6 DNS1" prompt
    And I press ENTER
    Then the screen shows "REALLY SETUP STATIC LAN IPV6?"
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

  # "Note: For a valid network configuration, you should configure at least one IPv6 DNS resolver."
  @V6O-013 @V6O-020 @needs-network
  Scenario: A manual IPv6 configuration without a DNS resolver cannot reach the platform
    Given the lab network is "ipv6-only"
    And the LAN has no automatic IPv6 address assignment
    And the appliance has been reset to IPv6-only mode
    When I enter "2001:db8:10::30" at the "IPv6 ADDR" prompt
    And I press ENTER
    And I enter "2001:db8:10::1" at the "IPv6 GW" prompt
    Then the screen shows "IPv6 DNS1"
    And the field is blank
    When I press ENTER
    Then the screen shows "IPv6 DNS2"
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows "LAN has no DNS servers"

  # --- Proxy and VLAN in IPv6-only mode ----------------------------------------------------------

  # "Proxy and VLAN configurations work the same whether you're in IPv4+v6 mode or IPv6-only mode."
  @V6O-007 @needs-network @needs-platform
  Scenario Outline: A proxy in IPv6-only mode, given as <host>
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only-proxy"
    And the appliance has been reset to IPv6-only mode
    Then the screen does not show "is_jdoe"
    When I enter "<host>" at the "PROXY HOST" prompt
    And I enter "3128" at the "PROXY PORT:" prompt
    And I press ENTER
    And I press ENTER
    Then the screen shows "REALLY ENABLE PROXY?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

    Examples:
      | host           |
      | 2001:db8:10::8 |
      | PROXY.LAB.TEST |

  @V6O-007 @needs-network @needs-platform
  Scenario: A VLAN in IPv6-only mode: automatic IPv6 on the VLAN
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only-trunk"
    And the appliance has been reset to IPv6-only mode
    Then the screen shows "LAN has no IPv4 address"
    When I enter "100" at the "VLAN 0-4094" prompt
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:100::20"

  # --- Reset All Network Settings in IPv6-only mode ----------------------------------------------

  # "Default network configuration for IPv6-only mode: Automatic IPv6, no Proxy configuration, no
  # VLAN configuration."
  @guide:reset-network @RESET-012 @V6O-008 @needs-network @needs-platform
  Scenario: REALLY RESET ALL SETTINGS? in IPv6-only mode: automatic IPv6, no proxy, no VLAN, still IPv6-only
    Given the appliance has been activated by user "jdoe"
    And the lab network is "ipv6-only-proxy"
    And the appliance has been reset to IPv6-only mode
    When I enter "2001:db8:10::8" at the "PROXY HOST" prompt
    And I enter "3128" at the "PROXY PORT:" prompt
    And I press ENTER
    And I press ENTER
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"
    Given the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    Then the screen shows "REALLY RESET ALL SETTINGS?"
    When I press ENTER
    And I review the confirmation messages
    Then the screen shows "Timeout was reached (28)"
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    Then the menu options from here down include:
      | RENEW AUTO IPv6 ON LAN?    |
      | ENABLE STATIC IPv6 ON LAN? |
      | ENABLE VLAN ON LAN         |
      | ENABLE PROXY               |
    And no menu option from here down is "CHANGE PROXY PARAMS"
    And no menu option from here down is "RENEW DHCP ON LAN"
