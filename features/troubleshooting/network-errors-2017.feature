@guide:network-errors-2017 @fw-2017
Feature: Troubleshooting - Network Errors (2017): the NETWORK ERR screen
  "The network error message indicates the Scanner Appliance attempted to connect to the Qualys
  Cloud Platform and failed. You'll see an error code with a description to help you with
  troubleshooting."
  "Important! The Scanner Appliance is not functional until the network error is resolved."
  "The network error is displayed in 2 lines within the appliance console interface. The first
  line gives an error code, and the second line gives a description, a reason for the error."
  "You'll see an error code in the 1st line of the NETWORK ERR screen." (the first line reads
  NETWORK ERR and the code: ERRATA-015) "You'll see an error description in the 2nd line of the
  NETWORK ERR screen."
  Every code (what the user or the appliance did before the attempt) and every description (the
  reason) is produced here by the action and the lab condition the guide names. The Examples
  copy the guide's tables (Error Code / Means, and the LAN/WAN, Proxy and Qualys connection
  errors). Conditions the tables do not name read as ERRATA-200 says.
  Lab: "office" (DHCP lease 198.18.10.20, gateway 198.18.10.1, DNS 198.18.10.53),
  "office-proxy" (the Internet only through the proxy 198.18.10.8:3128) and "split" (WAN on a DMZ
  198.18.20.0/24 with DHCP lease 198.18.20.20, gateway 198.18.20.1, DNS 198.18.20.53).

  @NERR-001 @NERR-003 @NERR-004 @NERR-005 @ERRATA-015 @needs-power @needs-network
  Scenario: The network error is displayed in 2 lines: the error code, then the description
    Given the LAN has no DHCP server
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "LAN no IPv4" within 5 minutes
    And these messages appear in this order:
      """
      CONTACTING QUALYS
      NETWORK ERR 06
      """
    And line 1 reads "NETWORK ERR 06"
    And line 2 reads "LAN no IPv4"

  # ---------------------------------------------------------------------------------------------
  # 06: "Using its boot time network configuration the Scanner Appliance attempted to make a
  # connection to the Qualys Cloud Platform and it failed."

  @NERR-009 @needs-power @needs-network @needs-platform
  Scenario Outline: Switched on while <condition>: NETWORK ERR 06 and "<description>"
    Given <condition>
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<description>" within 5 minutes
    And line 1 reads "NETWORK ERR 06"
    And line 2 reads "<description>"

    @NERR-019
    Examples: LAN/WAN errors - LAN no CARRIER
      | description    | means                       | condition                  |
      | LAN no CARRIER | No CARRIER on LAN interface | the LAN cable is unplugged |

    @NERR-021
    Examples: LAN/WAN errors - LAN no IPv4
      | description | means                   | condition                  |
      | LAN no IPv4 | LAN has no IPv4 address | the LAN has no DHCP server |

    @NERR-023
    Examples: LAN/WAN errors - LAN no DNS srv
      | description    | means                | condition                                  |
      | LAN no DNS srv | LAN has no DNS servers | the LAN's DHCP lease has no DNS servers |

    @NERR-025
    Examples: LAN/WAN errors - LAN DNS failed
      | description    | means                                                  | condition                                     |
      | LAN DNS failed | LAN DNS servers can't resolve Qualys Cloud PlatformURL | the DNS servers cannot resolve the platform URL |

    @NERR-025 @ERRATA-016
    Examples: LAN/WAN errors - LAN DNS failed, DNS servers that do not answer
      | description    | means                                                  | condition                          |
      | LAN DNS failed | LAN DNS servers can't resolve Qualys Cloud PlatformURL | the LAN's DNS servers do not answer |

    @NERR-027
    Examples: LAN/WAN errors - no LAN IPv4 GW
      | description    | means                           | condition                             |
      | no LAN IPv4 GW | LAN has no default IPv4 gateway | the LAN's DHCP lease has no gateway |

    @NERR-029 @ERRATA-200
    Examples: LAN/WAN errors - inv LAN IP cnf, a duplicate address
      | description    | means                        | condition                                              |
      | inv LAN IP cnf | Invalid LAN IP configuration | another host on the LAN uses the address 198.18.10.20 |

    @NERR-036
    Examples: Qualys connection errors - QG con timeout
      | description    | means                                             | condition                                                    |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | a firewall drops the appliance's connections to the platform |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | the platform answers only after 45 seconds                   |

    @NERR-036 @ERRATA-200
    Examples: Qualys connection errors - QG con timeout, the platform could not be used
      | description    | means                                             | condition                                                                      |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | a firewall refuses the appliance's connections to the platform                 |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | a firewall resets when the appliance sends the appliance's connections to the platform |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | a firewall loses the answers to the appliance's connections to the platform   |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | the platform answers the appliance with HTTP 500                               |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | the platform does not know the scanner                                         |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | the platform has disabled the scanner                                          |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | the platform says the account has expired                                      |

    @NERR-037
    Examples: Qualys connection errors - QG SSL handshk
      | description    | means                                            | condition                                 |
      | QG SSL handshk | Qualys Cloud Platform - SSL handshake failed | the TLS handshake with the platform fails |

    @NERR-038
    Examples: Qualys connection errors - QG SSL certval
      | description    | means                                                    | condition                                      |
      | QG SSL certval | Qualys Cloud Platform - SSL certificate validation failed | the platform's TLS certificate is not trusted |

  @NERR-017 @NERR-009 @ERRATA-205 @needs-network
  Scenario: The LAN link does not come up (both sides forced to different speeds): LAN iface down
    Given the appliance is running
    And I set the LAN port link to "1GbaseT/Full"
    And the switch port of the LAN is set to "100baseT/Full"
    When I restart the appliance
    Then the screen shows "LAN iface down" within 5 minutes
    And line 1 reads "NETWORK ERR 06"
    And line 2 reads "LAN iface down"

  @NERR-018 @NERR-009 @ERRATA-205 @needs-network
  Scenario: The WAN link does not come up (both sides forced to different speeds): WAN iface down
    Given the lab network is "split"
    And the appliance is running
    And I enable DHCP on the WAN
    And I set the WAN port link to "1GbaseT/Full"
    And the switch port of the WAN is set to "100baseT/Full"
    When I restart the appliance
    Then the screen shows "WAN iface down" within 5 minutes
    And line 1 reads "NETWORK ERR 06"
    And line 2 reads "WAN iface down"

  # ---------------------------------------------------------------------------------------------
  # 03: "A user enabled proxy settings and this was saved with the Appliance's network settings.
  # Then the Appliance attempted to make a connection ... using the saved network settings, and it
  # failed."

  @NERR-007 @needs-network
  Scenario Outline: Proxy enabled while <condition>: NETWORK ERR 03 and "<description>"
    Given the lab network is "office-proxy"
    And the appliance is running
    And <condition>
    When I enable proxy support through 198.18.10.8 port 3128
    Then the screen shows "<description>" within 2 minutes
    And line 1 reads "NETWORK ERR 03"
    And line 2 reads "<description>"

    @NERR-031
    Examples: Proxy errors - prxy con tmout
      | description    | means                           | condition                  |
      | prxy con tmout | Proxy initial connect() timeout | the proxy does not answer |

    @NERR-032
    Examples: Proxy errors - prxy con close
      | description    | means                   | condition                       |
      | prxy con close | Proxy closed connection | the proxy closes the connection |

    @NERR-032 @ERRATA-200
    Examples: Proxy errors - prxy con close, a refused connection
      | description    | means                   | condition                     |
      | prxy con close | Proxy closed connection | the proxy refuses connections |

    @NERR-033
    Examples: Proxy errors - prxy no HTTP/1
      | description    | means                               | condition                            |
      | prxy no HTTP/1 | Proxy response has no HTTP/1 string | the proxy answers without HTTP/1     |
      | prxy no HTTP/1 | Proxy response has no HTTP/1 string | the proxy speaks only SOCKS          |

    @NERR-034
    Examples: Proxy errors - prxy noauthsup
      | description    | means                          | condition                                                               |
      | prxy noauthsup | No proxy AUTH methods supported | the proxy offers only authentication methods the appliance does not support |

    @NERR-035
    Examples: Proxy errors - prxy HTTP/<code>, with the proxy's own code
      | description   | means                                       | condition                                                                 |
      | prxy HTTP/404 | Invalid proxy HTTP code (like 407, 404 etc) | the proxy answers the appliance with HTTP 404                              |
      | prxy HTTP/407 | Invalid proxy HTTP code (like 407, 404 etc) | the proxy asks for Basic authentication as "scanner" with the password named "proxy-troubleshooting" |
      | prxy HTTP/403 | Invalid proxy HTTP code (like 407, 404 etc) | the proxy answers the appliance with HTTP 403                              |

    @NERR-035 @ERRATA-262
    Examples: Proxy errors - prxy HTTP/503, a proxy that cannot connect to the platform
      | description   | means                                       | condition                                                      |
      | prxy HTTP/503 | Invalid proxy HTTP code (like 407, 404 etc) | a firewall refuses the appliance's connections to the platform |

    @NERR-036 @ERRATA-262
    Examples: Qualys connection errors - QG con timeout, through the proxy
      | description    | means                                             | condition                                                    |
      | QG con timeout | Qualys Cloud Platform - initial connect() timeout | a firewall drops the appliance's connections to the platform |

    @NERR-038
    Examples: Qualys connection errors - QG SSL certval, an SSL bridging proxy
      | description    | means                                                    | condition                                            |
      | QG SSL certval | Qualys Cloud Platform - SSL certificate validation failed | the proxy terminates the TLS session (SSL bridging) |

  @NERR-007 @ERRATA-200 @needs-network
  Scenario Outline: Proxy enabled with a wrong configuration (<configuration>): NETWORK ERR 03 and "<description>"
    Given the lab network is "office-proxy"
    And the appliance is running
    When <configuration>
    Then the screen shows "<description>" within 2 minutes
    And line 1 reads "NETWORK ERR 03"
    And line 2 reads "<description>"

    @NERR-031
    Examples: Proxy errors - prxy con tmout, an address no proxy can have
      | description    | means                           | configuration                                    |
      | prxy con tmout | Proxy initial connect() timeout | I enable proxy support through 0.0.0.0 port 3128 |

    @NERR-034 @ERRATA-206
    Examples: Proxy errors - prxy noauthsup, a password without a user
      | description    | means                          | configuration                                                                        |
      | prxy noauthsup | No proxy AUTH methods supported | I enable proxy support through 198.18.10.8 port 3128 as user "" with the password named "proxy-troubleshooting" |

  # ---------------------------------------------------------------------------------------------
  # 04: "A user disabled proxy settings and this was saved with the Appliance's network settings.
  # Then the Appliance attempted to make a connection ... and it failed."

  @NERR-008 @NERR-036 @needs-network
  Scenario: Proxy disabled where the Internet is reached only through the proxy: NETWORK ERR 04
    Given the appliance has been activated by user "jdoe"
    And the lab network is "office-proxy"
    And I enable proxy support through 198.18.10.8 port 3128
    And the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes
    When I disable proxy support
    Then the screen shows "QG con timeout" within 2 minutes
    And line 1 reads "NETWORK ERR 04"
    And line 2 reads "QG con timeout"

  # ---------------------------------------------------------------------------------------------
  # 07 / 08: "A user configured an invalid static LAN (WAN) IP address or gateway IP address and
  # this was saved with the Appliance's network settings."

  @needs-network
  Scenario Outline: A static IP configuration saved (<configuration>): NETWORK ERR <code> and "<description>"
    Given the lab network is "<network>"
    And the appliance is running
    When <configuration>
    Then the screen shows "<description>" within 2 minutes
    And line 1 reads "NETWORK ERR <code>"
    And line 2 reads "<description>"

    @NERR-010 @NERR-029
    Examples: 07 - an invalid static LAN IP address or gateway IP address
      | code | description    | means                        | network | configuration                                                                                                      |
      | 07   | inv LAN IP cnf | Invalid LAN IP configuration | office  | I enable static IP on the LAN 198.18.10.255 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 |
      | 07   | inv LAN IP cnf | Invalid LAN IP configuration | office  | I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.99.1 and DNS 198.18.10.53  |

    @NERR-010 @NERR-029 @ERRATA-200
    Examples: 07 - a static loopback address
      | code | description    | means                        | network | configuration                                                                                                  |
      | 07   | inv LAN IP cnf | Invalid LAN IP configuration | office  | I enable static IP on the LAN 127.0.0.1 with netmask 255.000.000.000, gateway 127.0.0.2 and DNS 198.18.10.53 |

    @NERR-011 @NERR-030
    Examples: 08 - an invalid static WAN IP address or gateway IP address
      | code | description    | means                        | network | configuration                                                                                                      |
      | 08   | inv WAN IP cnf | Invalid WAN IP configuration | split   | I enable static IP on the WAN 198.18.20.255 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

    @NERR-011 @NERR-030 @ERRATA-200
    Examples: 08 - a WAN on the LAN's subnet
      | code | description    | means                        | network | configuration                                                                                                     |
      | 08   | inv WAN IP cnf | Invalid WAN IP configuration | split   | I enable static IP on the WAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 |

  @NERR-012 @NERR-025 @needs-network @needs-platform
  Scenario: A static IP address saved, then the DNS lookup of the platform URL failed: NETWORK ERR 09
    Given the appliance is running
    And the DNS servers cannot resolve the platform URL
    When I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53
    Then the screen shows "LAN DNS failed" within 2 minutes
    And line 1 reads "NETWORK ERR 09"
    And line 2 reads "LAN DNS failed"

  # ---------------------------------------------------------------------------------------------
  # 12 (and 09, 08): "A user configured the WAN interface and this was saved with the network
  # settings. Then the Appliance attempted to make a connection ... and it failed."

  @needs-network @needs-platform
  Scenario Outline: DHCP enabled on the WAN while <condition>: NETWORK ERR <code> and "<description>"
    Given the lab network is "split"
    And the appliance is running
    And <condition>
    When I enable DHCP on the WAN
    Then the screen shows "<description>" within 2 minutes
    And line 1 reads "NETWORK ERR <code>"
    And line 2 reads "<description>"

    @NERR-014 @NERR-020
    Examples: 12 - WAN no CARRIER
      | code | description    | means                       | condition                  |
      | 12   | WAN no CARRIER | No CARRIER on WAN interface | the WAN cable is unplugged |

    @NERR-014 @NERR-022
    Examples: 12 - WAN no IPv4
      | code | description | means                   | condition                  |
      | 12   | WAN no IPv4 | WAN has no IPv4 address | the WAN has no DHCP server |

    @NERR-014 @NERR-024
    Examples: 12 - WAN no DNS srv
      | code | description    | means                  | condition                                  |
      | 12   | WAN no DNS srv | WAN has no DNS servers | the WAN's DHCP lease has no DNS servers |

    @NERR-014 @NERR-028
    Examples: 12 - no WAN IPv4 GW
      | code | description    | means                           | condition                             |
      | 12   | no WAN IPv4 GW | WAN has no default IPv4 gateway | the WAN's DHCP lease has no gateway |

    @NERR-014 @NERR-026 @ERRATA-016
    Examples: 12 - WAN DNS failed, DNS servers that do not answer
      | code | description    | means                                                  | condition                          |
      | 12   | WAN DNS failed | WAN DNS servers can't resolve Qualys Cloud PlatformURL | the WAN's DNS servers do not answer |

    @NERR-012 @NERR-026
    Examples: 09 - DHCP configured, then the DNS lookup of the platform URL failed
      | code | description    | means                                                  | condition                                     |
      | 09   | WAN DNS failed | WAN DNS servers can't resolve Qualys Cloud PlatformURL | the DNS servers cannot resolve the platform URL |

    @NERR-011 @NERR-030 @ERRATA-200
    Examples: 08 - a WAN lease with the LAN's gateway
      | code | description    | means                        | condition                                                                                          |
      | 08   | inv WAN IP cnf | Invalid WAN IP configuration | the WAN has a DHCP server that leases 198.18.20.20 with gateway 198.18.10.1 and DNS server 198.18.20.53 |

  # ---------------------------------------------------------------------------------------------
  # 10: "A user configured the LAN interface"; 09: "A user configured DHCP ... a DNS lookup of the
  # Qualys Cloud Platform URL failed"; 13: "A user configured VLANs".

  @needs-network @needs-platform @ERRATA-366
  Scenario Outline: <configuration> while <condition>: NETWORK ERR <code> and "<description>"
    Given the appliance is running
    And <condition>
    When <configuration>
    Then the screen shows "<description>" within 5 minutes
    And line 1 reads "NETWORK ERR <code>"
    And line 2 reads "<description>"

    @NERR-013 @NERR-021
    Examples: 10 - the LAN interface configured
      | code | description | means                   | configuration           | condition                  |
      | 10   | LAN no IPv4 | LAN has no IPv4 address | I renew DHCP on the LAN | the LAN has no DHCP server |

    @NERR-013 @NERR-027
    Examples: 10 - the LAN interface configured, a lease without a gateway
      | code | description    | means                           | configuration           | condition                             |
      | 10   | no LAN IPv4 GW | LAN has no default IPv4 gateway | I renew DHCP on the LAN | the LAN's DHCP lease has no gateway |

    @NERR-012 @NERR-025
    Examples: 09 - DHCP configured, then the DNS lookup of the platform URL failed
      | code | description    | means                                                  | configuration           | condition                                     |
      | 09   | LAN DNS failed | LAN DNS servers can't resolve Qualys Cloud PlatformURL | I renew DHCP on the LAN | the DNS servers cannot resolve the platform URL |

  @NERR-015 @NERR-021 @ERRATA-006 @needs-network
  Scenario: VLANs configured on a switch port that carries no VLAN: NETWORK ERR 13
    # A VLAN takes the LAN off DHCP (ERRATA-006): the LAN is left without an address.
    Given the appliance is running
    When I enable VLAN 100 on the LAN
    Then the screen shows "LAN no IPv4" within 2 minutes
    And line 1 reads "NETWORK ERR 13"
    And line 2 reads "LAN no IPv4"

  # ---------------------------------------------------------------------------------------------
  # 14: "A user pressed ENTER on the ACTIVATION screen. Then the Appliance tried to connect and a
  # DNS lookup of the Qualys Cloud Platform URL failed."

  @NERR-016 @NERR-025 @needs-network @needs-platform
  Scenario: ENTER on the ACTIVATION screen while DNS cannot resolve the platform URL: NETWORK ERR 14
    Given the appliance shows the ACTIVATION CODE screen
    And the DNS servers cannot resolve the platform URL
    When I press ENTER
    Then the screen shows "LAN DNS failed" within 2 minutes
    And line 1 reads "NETWORK ERR 14"
    And line 2 reads "LAN DNS failed"

  # ---------------------------------------------------------------------------------------------
  # 01: "Using its current network settings the Scanner Appliance attempted to make a connection
  # to the Qualys Cloud Platform and it failed." A later attempt: ERRATA-208.

  @NERR-006 @NERR-021 @ERRATA-208 @needs-power @needs-virtual-time @needs-network
  Scenario: A later attempt with the current network settings: NETWORK ERR 01
    Given the LAN has no DHCP server
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "NETWORK ERR 06" within 5 minutes
    When 2 minutes pass
    Then line 1 reads "NETWORK ERR 06"
    And the screen shows "NETWORK ERR 01" within 2 minutes
    And line 2 reads "LAN no IPv4"

  # The next poll (3 minutes) asks DHCP again for the lease it lacks (ERRATA-264), which a DHCP
  # client may take a minute or more to give up (ERRATA-366): 5 minutes.
  @NERR-006 @ERRATA-208 @ERRATA-264 @ERRATA-366 @needs-network @needs-ports
  Scenario: A later attempt finds another reason: the code becomes 01 and the description names what it found
    Given the appliance is running
    And the LAN cable is unplugged
    And I renew DHCP on the LAN
    And the screen shows "LAN no CARRIER" within 2 minutes
    And line 1 reads "NETWORK ERR 10"
    Given the LAN has no DHCP server
    When the LAN cable is plugged in
    Then the screen shows "NETWORK ERR 01" within 5 minutes
    And line 2 reads "LAN no IPv4"

  # ---------------------------------------------------------------------------------------------
  # "Important! The Scanner Appliance is not functional until the network error is resolved."

  @NERR-002 @ERRATA-264 @needs-leds @needs-virtual-time @needs-network @needs-platform
  Scenario: Not functional until the network error is resolved: a launched scan starts only once the appliance reaches the platform
    Given the appliance has been activated by user "jdoe"
    And the LAN has no DHCP server
    When I restart the appliance
    Then the screen shows "LAN no IPv4" within 5 minutes
    Given a scan of 60 minutes has been launched on the appliance
    When 10 minutes pass
    Then the screen shows "LAN no IPv4"
    And the S1 LED is off
    Given the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    Then the screen shows "is_jdoe" within 4 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And the S1 LED is on

  # ---------------------------------------------------------------------------------------------
  # Storage: the 2017 guide names no storage error (ERRATA-201).

  @SHD-001 @ERRATA-201 @needs-power @needs-virtual-time @needs-faults
  Scenario Outline: The filesystem <part> fails at boot: the boot stops at "<message>"
    Given the appliance is plugged in and switched off
    And the appliance's filesystem <part> will fail fatally at the next boot
    When I press the power button
    Then the screen shows "<message>" within 3 minutes
    When 10 minutes pass
    Then the screen shows "<message>"
    And the screen does not show "CONTACTING QUALYS"
    And the indicators are no keys
    And pressing UP, DOWN, LEFT, RIGHT and ENTER does nothing

    Examples:
      | part  | message                         |
      | check | Filesystem check in progress... |
      | mount | Qualys Scanner is coming up...  |
