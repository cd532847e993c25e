@guide:troubleshooting-guidelines @fw-2017
Feature: Troubleshooting guidelines (2017): network configurations with and without DHCP
  "If your Scanner Appliance reports a network error there's an issue with the connectivity from
  Scanner Appliance to the Qualys Cloud Platform." "2 Be sure to enable all necessary
  configurations on the Appliance. This network error message may appear because configurations
  are incomplete, incorrect, or are missing."
  "In many cases, a network error message indicates that additional configuration of the Scanner
  Appliance is required. For example, if your network does not have DHCP, you need to assign a
  static IP configuration. Configuration for Proxy support and/or split network configuration may
  be required. See the network configurations below that include detailed set up steps for each."

  Each row's set-up steps are made in the order the table gives, on a lab network of that row;
  each configuration that is still missing shows the NETWORK ERR screen, and the last one leads to
  the activation code, the activation and the SCANNER APPLIANCE NAME-IP ADDRESS screen. The fourth
  rows of both tables are read as split network traffic with a proxy server (ERRATA-282,
  ERRATA-283). Lab networks: "office" (LAN 198.18.10.0/24 with DHCP, router .1, DNS .53, direct
  Internet), "office-proxy" (the Internet only through the proxy 198.18.10.8:3128), "split" and
  "split-proxy" (an internal LAN whose router forwards to no other network; WAN on a DMZ
  198.18.20.0/24, router .1, DNS .53, with DHCP, reaching the Internet directly or only through
  the proxy 198.18.20.8:3128 respectively).

  Rule: Network Configurations with DHCP Present

    @TRB-001 @TRB-004 @needs-power @needs-network @needs-platform
    Scenario: DHCP present, No Proxy, Standard network traffic: Plug in the Appliance
      Given the lab network is "office"
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "ACTIVATION CODE" within 5 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

    @TRB-001 @TRB-002 @needs-power @needs-network @needs-platform
    Scenario Outline: <network configuration>: Plug in the Appliance, <set up step>
      Given the lab network is "<network>"
      And the LAN's router forwards to <LAN routes>
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable <step>
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

      @TRB-005
      Examples: DHCP present, Proxy server, Standard network traffic
        | network configuration                                     | set up step            | network      | LAN routes         | step                                            |
        | DHCP present, Proxy server, Standard network traffic      | Enable Proxy (page 37) | office-proxy | the other networks | proxy support through 198.18.10.8 port 3128     |

      @TRB-006
      Examples: DHCP present, Split network traffic
        | network configuration                                     | set up step                  | network | LAN routes       | step            |
        | DHCP present, Split network traffic                       | Enable DHCP on WAN (page 43) | split   | no other network | DHCP on the WAN |

    @TRB-001 @TRB-002 @TRB-007 @ERRATA-282 @needs-power @needs-network @needs-platform
    Scenario: DHCP present, Proxy server, Split network traffic: Plug in the Appliance, Enable Proxy (page 37), Enable DHCP on WAN
      Given the lab network is "split-proxy"
      And the LAN's router forwards to no other network
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable proxy support through 198.18.20.8 port 3128
      Then the NETWORK ERR screen appears within 2 minutes
      When I enable DHCP on the WAN
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

  Rule: Network Configurations without DHCP Present

    @TRB-001 @TRB-002 @TRB-003 @TRB-008 @needs-power @needs-network @needs-platform
    Scenario: DHCP not present, No Proxy, Standard network traffic: Plug in the Appliance, Enable Static IP on LAN (page 32)
      Given the lab network is "office"
      And DHCP is not present on the LAN and not present on the WAN
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

    @TRB-001 @TRB-002 @TRB-003 @needs-power @needs-network @needs-platform
    Scenario Outline: <network configuration>: Plug in the Appliance, Enable Static IP on LAN (page 32), <second set up step>
      Given the lab network is "<network>"
      And the LAN's router forwards to <LAN routes>
      And DHCP is not present on the LAN and not present on the WAN
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53
      Then the NETWORK ERR screen appears within 2 minutes
      When I enable <second step>
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

      @TRB-009
      Examples: DHCP not present, Proxy server, Standard network traffic
        | network configuration                                   | second set up step     | network      | LAN routes         | second step                                 |
        | DHCP not present, Proxy server, Standard network traffic | Enable Proxy (page 37) | office-proxy | the other networks | proxy support through 198.18.10.8 port 3128 |

      @TRB-010
      Examples: DHCP not present, Split network traffic
        | network configuration                    | second set up step                | network | LAN routes       | second step                                                                                      |
        | DHCP not present, Split network traffic  | Enable Static IP on WAN (page 43) | split   | no other network | static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

    @TRB-001 @TRB-002 @TRB-003 @TRB-011 @ERRATA-283 @needs-power @needs-network @needs-platform
    Scenario: DHCP not present, Proxy server, Split network traffic: Plug in the Appliance, Enable Static IP on LAN (page 32), Enable Proxy (page 37), Enable Static IP on WAN (page 43)
      Given the lab network is "split-proxy"
      And the LAN's router forwards to no other network
      And DHCP is not present on the LAN and not present on the WAN
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53
      Then the NETWORK ERR screen appears within 2 minutes
      When I enable proxy support through 198.18.20.8 port 3128
      Then the NETWORK ERR screen appears within 2 minutes
      When I enable static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

  Rule: Additional network configurations
    "Additional network configurations are supported, including a static IP address on LAN and
    DCHP on WAN, as well as DHCP on LAN and a static IP address on WAN."

    @TRB-012 @needs-power @needs-network @needs-platform
    Scenario: A static IP address on LAN and DHCP on WAN
      Given the lab network is "split"
      And the LAN's router forwards to no other network
      And DHCP is not present on the LAN and present on the WAN
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53
      Then the NETWORK ERR screen appears within 2 minutes
      When I enable DHCP on the WAN
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

    @TRB-012 @needs-power @needs-network @needs-platform
    Scenario: DHCP on LAN and a static IP address on WAN
      Given the lab network is "split"
      And the LAN's router forwards to no other network
      And DHCP is present on the LAN and not present on the WAN
      And the appliance is plugged in and switched off
      When I press the power button
      Then the NETWORK ERR screen appears within 5 minutes
      When I enable static IP on the WAN 198.18.20.30 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

  Rule: Incorrect configurations
    "This network error message may appear because configurations are incomplete, incorrect, or
    are missing." The proxy's port given wrong: the proxy does not take the connection
    (ERRATA-200: a refused proxy connection reads "prxy con close"); corrected with CHANGE PROXY
    PARAMS, the appliance connects.

    @TRB-001 @TRB-002 @ERRATA-200 @needs-power @needs-network
    Scenario: An incorrect proxy port shows a network error until it is corrected
      Given the lab network is "office-proxy"
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "NETWORK ERR 06 QG con timeout" within 5 minutes
      When I enable proxy support through 198.18.10.8 port 8080
      Then the screen shows "NETWORK ERR 03 prxy con close" within 2 minutes
      When I enable proxy support through 198.18.10.8 port 3128
      Then the screen shows "ACTIVATION CODE" within 2 minutes
