@guide:complete-network-config
Feature: Quick Start - Complete the Network Configuration
  "Enable the network configurations for the Scanner Appliance, as appropriate, in the order
  listed. One or more configurations may be required."
  Configuration Options: "A Static IP Address", "B Proxy Support", "C Split Network Configuration
  using DHCP", "D Split Network Configuration using a Static IP Address" (ERRATA-281).
  "Use the options chart below to determine the configurations needed."

  The chart's columns are DHCP w/o Proxy, Static IP w/o Proxy, DHCP with Proxy, Static IP with
  Proxy; its rows: Standard Config "no action A B A&B"; Split Netw. Config: DHCP on WAN "C A&C B&C
  A, B, & C"; Split Netw. Config: Static IP on WAN "D A&D B&D A, B, & D".

  2017: "You may see a network error message one or two more times, depending on how many
  configurations are needed. For example, if the Scanner Appliance is installed on a network with
  DHCP and a Proxy server, and you want split network configuration with DHCP, you enable options
  B and C. After you enable option B, you'll see another network error prompting you to make
  another configuration." 2022: the same with "an appliance configuration error".

  Each cell starts from an appliance freshly plugged in (Step 1) and powered on (Step 2) on a lab
  network that needs exactly that cell's configurations, and ends with Step 3: the activation
  and the SCANNER APPLIANCE NAME-IP ADDRESS screen. Lab networks: "office" (LAN with DHCP and
  the Internet), "office-proxy" (the Internet only through the proxy 198.18.10.8:3128), "split"
  (internal LAN; WAN on a DMZ with DHCP and the Internet), "split-proxy" (DMZ Internet only through
  the proxy 198.18.20.8:3128); "DHCP not present" takes the port's DHCP server away. The office
  subnet is 198.18.10.0/24 (router .1, DNS .53), the DMZ 198.18.20.0/24 (router .1, DNS .53).

  The error that remains after each step is read from the guide's error tables (ERRATA-280). The
  2017 NETWORK ERR screen is quoted as its two lines, "NETWORK ERR <code>" then the description
  (ERRATA-015): 06 "Using its boot time network configuration", 10 "A user configured the LAN
  interface", 03 "A user enabled proxy settings".

  @CNC-001 @CNC-002 @NAME-001 @needs-power @needs-network @needs-platform
  Scenario: Standard Config, DHCP w/o Proxy: no action
    Given the lab network is "office"
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "ACTIVATION CODE" within 5 minutes
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

  @CNC-001 @CNC-002 @CNC-003 @CNC-004 @ERRATA-280 @ERRATA-281 @NAME-001 @NAME-007 @needs-power @needs-network @needs-platform
  Scenario Outline: <row>, <column>: <options>
    Given the lab network is "<network>"
    And the LAN's router forwards to <LAN routes>
    And DHCP is <LAN DHCP> on the LAN and <WAN DHCP> on the WAN
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<error at start>" within 5 minutes
    When I enable <option>
    Then the screen shows "ACTIVATION CODE" within 2 minutes
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the LAN IP address <LAN address> within 2 minutes

    @fw-2017 @CNC-006
    Examples: 2017, one configuration
      | row                                  | column              | options | network     | LAN routes           | LAN DHCP    | WAN DHCP    | error at start                 | option                                                                                                 | LAN address  |
      | Standard Config                      | Static IP w/o Proxy | A       | office      | the other networks   | not present | present     | NETWORK ERR 06 LAN no IPv4     | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | 198.18.10.30 |
      | Standard Config                      | DHCP with Proxy     | B       | office-proxy | the other networks  | present     | present     | NETWORK ERR 06 QG con timeout  | option B, proxy support through 198.18.10.8 port 3128                                                  | 198.18.10.20 |
      | Split Netw. Config: DHCP on WAN      | DHCP w/o Proxy      | C       | split       | no other network     | present     | present     | NETWORK ERR 06 QG con timeout  | option C, DHCP on the WAN                                                                              | 198.18.10.20 |
      | Split Netw. Config: Static IP on WAN | DHCP w/o Proxy      | D       | split       | no other network     | present     | not present | NETWORK ERR 06 QG con timeout  | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.20 |

    @fw-2022 @CNC-007
    Examples: 2022, one configuration
      | row                                  | column              | options | network     | LAN routes           | LAN DHCP    | WAN DHCP    | error at start           | option                                                                                                 | LAN address  |
      | Standard Config                      | Static IP w/o Proxy | A       | office      | the other networks   | not present | present     | LAN has no IPv4 address  | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | 198.18.10.30 |
      | Standard Config                      | DHCP with Proxy     | B       | office-proxy | the other networks  | present     | present     | Timeout was reached (28) | option B, proxy support through 198.18.10.8 port 3128                                                  | 198.18.10.20 |
      | Split Netw. Config: DHCP on WAN      | DHCP w/o Proxy      | C       | split       | no other network     | present     | present     | Timeout was reached (28) | option C, DHCP on the WAN                                                                              | 198.18.10.20 |
      | Split Netw. Config: Static IP on WAN | DHCP w/o Proxy      | D       | split       | no other network     | present     | not present | Timeout was reached (28) | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.20 |

  @CNC-001 @CNC-002 @CNC-003 @CNC-004 @ERRATA-280 @ERRATA-281 @NAME-001 @NAME-007 @needs-power @needs-network @needs-platform
  Scenario Outline: <row>, <column>: <options>, in the order listed
    Given the lab network is "<network>"
    And the LAN's router forwards to <LAN routes>
    And DHCP is <LAN DHCP> on the LAN and <WAN DHCP> on the WAN
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<error at start>" within 5 minutes
    When I enable <first option>
    Then the screen shows "<error after first>" within 2 minutes
    When I enable <second option>
    Then the screen shows "ACTIVATION CODE" within 2 minutes
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the LAN IP address <LAN address> within 2 minutes

    @fw-2017 @CNC-006 @CNC-008
    Examples: 2017, two configurations
      | row                                  | column               | options | network      | LAN routes         | LAN DHCP    | WAN DHCP    | error at start                | first option                                                                                                       | error after first              | second option                                                                                                      | LAN address  |
      | Standard Config                      | Static IP with Proxy | A & B   | office-proxy | the other networks | not present | present     | NETWORK ERR 06 LAN no IPv4    | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | NETWORK ERR 10 QG con timeout  | option B, proxy support through 198.18.10.8 port 3128                                                              | 198.18.10.30 |
      | Split Netw. Config: DHCP on WAN      | Static IP w/o Proxy  | A & C   | split        | no other network   | not present | present     | NETWORK ERR 06 LAN no IPv4    | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | NETWORK ERR 10 QG con timeout  | option C, DHCP on the WAN                                                                                          | 198.18.10.30 |
      | Split Netw. Config: DHCP on WAN      | DHCP with Proxy      | B & C   | split-proxy  | no other network   | present     | present     | NETWORK ERR 06 QG con timeout | option B, proxy support through 198.18.20.8 port 3128                                                              | NETWORK ERR 03 prxy con tmout  | option C, DHCP on the WAN                                                                                          | 198.18.10.20 |
      | Split Netw. Config: Static IP on WAN | Static IP w/o Proxy  | A & D   | split        | no other network   | not present | not present | NETWORK ERR 06 LAN no IPv4    | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | NETWORK ERR 10 QG con timeout  | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.30 |
      | Split Netw. Config: Static IP on WAN | DHCP with Proxy      | B & D   | split-proxy  | no other network   | present     | not present | NETWORK ERR 06 QG con timeout | option B, proxy support through 198.18.20.8 port 3128                                                              | NETWORK ERR 03 prxy con tmout  | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.20 |

    @fw-2022 @CNC-007 @CNC-009
    Examples: 2022, two configurations
      | row                                  | column               | options | network      | LAN routes         | LAN DHCP    | WAN DHCP    | error at start           | first option                                                                                                       | error after first        | second option                                                                                                      | LAN address  |
      | Standard Config                      | Static IP with Proxy | A & B   | office-proxy | the other networks | not present | present     | LAN has no IPv4 address  | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | Timeout was reached (28) | option B, proxy support through 198.18.10.8 port 3128                                                              | 198.18.10.30 |
      | Split Netw. Config: DHCP on WAN      | Static IP w/o Proxy  | A & C   | split        | no other network   | not present | present     | LAN has no IPv4 address  | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | Timeout was reached (28) | option C, DHCP on the WAN                                                                                          | 198.18.10.30 |
      | Split Netw. Config: DHCP on WAN      | DHCP with Proxy      | B & C   | split-proxy  | no other network   | present     | present     | Timeout was reached (28) | option B, proxy support through 198.18.20.8 port 3128                                                              | Timeout was reached (28) | option C, DHCP on the WAN                                                                                          | 198.18.10.20 |
      | Split Netw. Config: Static IP on WAN | Static IP w/o Proxy  | A & D   | split        | no other network   | not present | not present | LAN has no IPv4 address  | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | Timeout was reached (28) | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.30 |
      | Split Netw. Config: Static IP on WAN | DHCP with Proxy      | B & D   | split-proxy  | no other network   | present     | not present | Timeout was reached (28) | option B, proxy support through 198.18.20.8 port 3128                                                              | Timeout was reached (28) | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 | 198.18.10.20 |

  @CNC-001 @CNC-003 @CNC-004 @ERRATA-280 @ERRATA-281 @NAME-001 @NAME-007 @needs-power @needs-network @needs-platform
  Scenario Outline: <row>, <column>: <options>, in the order listed
    Given the lab network is "<network>"
    And the LAN's router forwards to <LAN routes>
    And DHCP is <LAN DHCP> on the LAN and <WAN DHCP> on the WAN
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<error at start>" within 5 minutes
    When I enable <first option>
    Then the screen shows "<error after first>" within 2 minutes
    When I enable <second option>
    Then the screen shows "<error after second>" within 2 minutes
    When I enable <third option>
    Then the screen shows "ACTIVATION CODE" within 2 minutes
    When I activate the appliance in the portal with the code shown, as user "jdoe"
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

    @fw-2017 @CNC-006 @CNC-008
    Examples: 2017, three configurations
      | row                                  | column               | options   | network     | LAN routes       | LAN DHCP    | WAN DHCP    | error at start             | first option                                                                                                       | error after first             | second option                                         | error after second            | third option                                                                                                       |
      | Split Netw. Config: DHCP on WAN      | Static IP with Proxy | A, B, & C | split-proxy | no other network | not present | present     | NETWORK ERR 06 LAN no IPv4 | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | NETWORK ERR 10 QG con timeout | option B, proxy support through 198.18.20.8 port 3128 | NETWORK ERR 03 prxy con tmout | option C, DHCP on the WAN                                                                                          |
      | Split Netw. Config: Static IP on WAN | Static IP with Proxy | A, B, & D | split-proxy | no other network | not present | not present | NETWORK ERR 06 LAN no IPv4 | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | NETWORK ERR 10 QG con timeout | option B, proxy support through 198.18.20.8 port 3128 | NETWORK ERR 03 prxy con tmout | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

    @fw-2022 @CNC-007 @CNC-009
    Examples: 2022, three configurations
      | row                                  | column               | options   | network     | LAN routes       | LAN DHCP    | WAN DHCP    | error at start          | first option                                                                                                       | error after first        | second option                                         | error after second       | third option                                                                                                       |
      | Split Netw. Config: DHCP on WAN      | Static IP with Proxy | A, B, & C | split-proxy | no other network | not present | present     | LAN has no IPv4 address | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | Timeout was reached (28) | option B, proxy support through 198.18.20.8 port 3128 | Timeout was reached (28) | option C, DHCP on the WAN                                                                                          |
      | Split Netw. Config: Static IP on WAN | Static IP with Proxy | A, B, & D | split-proxy | no other network | not present | not present | LAN has no IPv4 address | option A, static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 | Timeout was reached (28) | option B, proxy support through 198.18.20.8 port 3128 | Timeout was reached (28) | option D, static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

  Rule: A VLAN on the LAN
    "The Scanner Appliance supports VLAN interface configuration (802.1Q)." The "trunk" lab
    network: untagged frames reach a subnet without DHCP; VLAN 100 carries 198.18.100.0/24
    (router .1, DNS .53). A VLAN takes the LAN off DHCP (ERRATA-006): a static IP follows.

    @CNC-005 @NREQ-007 @ERRATA-006 @needs-power @needs-network
    Scenario Outline: <generation>: VLAN 100 on the LAN, then its static IP address
      Given the lab network is "trunk"
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "<error at start>" within 5 minutes
      When I enter "0100" at the "VLAN 0-4094" prompt
      Then the screen shows "<error after VLAN>" within 2 minutes
      When I enable static IP on the LAN 198.18.100.30 with netmask 255.255.255.000, gateway 198.18.100.1 and DNS 198.18.100.53
      Then the screen shows "ACTIVATION CODE" within 2 minutes

      @fw-2017
      Examples:
        | generation | error at start             | error after VLAN           |
        | 2017       | NETWORK ERR 06 LAN no IPv4 | NETWORK ERR 13 LAN no IPv4 |

      @fw-2022
      Examples:
        | generation | error at start          | error after VLAN        |
        | 2022       | LAN has no IPv4 address | LAN has no IPv4 address |

  Rule: IPv6-only mode (2022)
    "If your network is configured to only allow IPv6 addresses, then you'll need to switch to
    IPv6-only network mode and make network configuration settings. See Enable IPv6-only Mode for
    details on how to reset the Scanner Appliance to IPv6-only mode, then configure your network,
    VLANs and proxy before continuing to the next step." The "ipv6-only" lab network: router
    advertisements give 2001:db8:10::20; the platform answers on IPv6 only.

    @fw-2022 @CNC-010 @CNC-011 @NREQ-019 @needs-power @needs-network @needs-platform
    Scenario: 2022: an IPv6-only network needs IPv6-only mode before the activation
      Given the lab network is "ipv6-only"
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "LAN has no IPv4 address" within 5 minutes
      When I press DOWN until "SETUP NETWORK" appears
      And I press ENTER
      And I press DOWN until "RESET NETWORK SETTINGS" appears
      And I press ENTER
      And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
      And I press ENTER
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows "is_jdoe" within 2 minutes
