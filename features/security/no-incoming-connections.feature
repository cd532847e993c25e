@guide:name-and-ip @needs-network @needs-platform
Feature: The appliance does not allow incoming logins or connections from the network
  "The IP address is available for information purposes only. The Scanner Appliance is remote
  controlled by the Qualys Cloud Platform, and the Appliance does not allow incoming logins or
  connections from the network."
  A host of the lab's network tries to connect to the appliance's address on the LAN port (and on
  the WAN port where the WAN interface has an address), in every network configuration of the
  options chart and in IPv6-only mode: the remote login services (ssh 22, telnet 23, rlogin 513,
  rsh 514, RDP 3389, VNC 5900), the web and management ports (80, 443, 8080, 8443, 10000, SNMP
  161 and 162), file and database services, and then a sample of any port, TCP or UDP, drawn anew
  at each run (a failure names the port and the seed that replays it). Every attempt must be
  refused: never accepted, and never unanswered for lack of an address (the appliance has one in
  each of these configurations, or the scenario did not test what it says). The appliance's own
  exchanges are not incoming connections: UDP 68 and 546 (the DHCP and DHCPv6 client ports, which
  take the answers to the appliance's own requests) are not tried (ERRATA-400).

  @NAME-006 @ERRATA-400
  Scenario: Standard configuration, DHCP on the LAN: no incoming connection is accepted on the LAN
    Given the lab network is "office"
    And the appliance has been activated by user "jdoe"
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And a host on the LAN cannot connect to the appliance on "tcp 21 22 23 25 53 80 110 111 135 139 143 443 445 513 514 993 1433 3306 3389 5432 5900 8080 8443 10000, udp 53 67 69 123 137 161 162 500 514 1900 5353"
    And a host on the LAN cannot connect to the appliance on any of 100 generated ports

  @NAME-006 @ERRATA-400
  Scenario Outline: <configuration>: no incoming connection is accepted on the LAN
    Given the appliance has been activated by user "jdoe"
    And the lab network is "<network>"
    When I enable <option>
    Then the screen shows the name "is_jdoe" and the LAN IP address <LAN address> within 2 minutes
    And a host on the LAN cannot connect to the appliance on "tcp 21 22 23 80 443 513 514 3389 5900 8080 8443 10000, udp 69 161 162 514"
    And a host on the LAN cannot connect to the appliance on any of 50 generated ports

    Examples:
      | configuration               | network      | option                                                                                                             | LAN address  |
      | A, static IP on the LAN     | office       | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | 198.18.10.30 |
      | B, proxy support            | office-proxy | option B, proxy support through 198.18.10.8 port 3128                                                              | 198.18.10.20 |

  # The split configuration: the WAN interface has an address too, on the DMZ.
  @NAME-006 @ERRATA-400
  Scenario Outline: <configuration>: no incoming connection is accepted on the LAN or the WAN
    Given the appliance has been activated by user "jdoe"
    And the lab network is "split"
    And DHCP is present on the LAN and <WAN DHCP> on the WAN
    When I enable <option>
    Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes
    And a host on the LAN cannot connect to the appliance on "tcp 21 22 23 80 443 513 514 3389 5900 8080 8443 10000, udp 69 161 162 514"
    And a host on the WAN cannot connect to the appliance on "tcp 21 22 23 80 443 513 514 3389 5900 8080 8443 10000, udp 69 161 162 514"
    And a host on the WAN cannot connect to the appliance on any of 50 generated ports

    Examples:
      | configuration                           | WAN DHCP    | option                                                                                                             |
      | C, split network with DHCP on the WAN   | present     | option C, DHCP on the WAN                                                                                          |
      | D, split network with static IP on WAN  | not present | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

  @NAME-006 @ERRATA-400 @fw-2022
  Scenario: IPv6-only mode: no incoming connection is accepted on the LAN's IPv6 address
    Given the lab network is "dual-stack"
    And the appliance has been activated by user "jdoe"
    And the appliance has been reset to IPv6-only mode
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"
    And a host on the LAN cannot connect to the appliance on "tcp 21 22 23 80 443 513 514 3389 5900 8080 8443 10000, udp 69 161 162 514"
    And a host on the LAN cannot connect to the appliance on any of 50 generated ports
