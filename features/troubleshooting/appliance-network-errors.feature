@guide:appliance-network-errors @fw-2022
Feature: Troubleshooting - Appliance Network Errors (2022)
  "An appliance network error indicates the Scanner Appliance attempted to connect to the Qualys
  Cloud Platform and failed."
  "Important! The Scanner Appliance is not functional until the error is resolved. Make sure to
  resolve the error."
  Every row of the guide's tables (LAN/WAN Errors, Proxy Errors, Qualys Platform Connectivity
  Errors, the platform's answers and the Filesystem Mount Errors) is produced here by the lab
  condition its solution names, never by setting an error code. The Examples copy the guide's
  Error and Solution columns; the condition column is the lab's cause. Rows whose solution is
  split "With Proxy Configuration" / "Without Proxy Configuration" are produced both ways.
  Lab: the "office" network (DHCP lease 198.18.10.20, gateway 198.18.10.1, DNS 198.18.10.53),
  "office-proxy" (the Internet only through the proxy 198.18.10.8:3128, proxy.lab.test) and
  "split" (WAN on a DMZ 198.18.20.0/24 with DHCP lease 198.18.20.20, gateway 198.18.20.1, DNS
  198.18.20.53).

  # ---------------------------------------------------------------------------------------------
  # Found when the appliance is switched on ("Using its boot time network configuration").

  @needs-power @needs-network @needs-platform
  Scenario Outline: Switched on while <condition>: "<error>"
    Given the lab network is "office"
    And <condition>
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<error>" within 5 minutes
    And these messages appear in this order:
      """
      CONTACTING QUALYS
      <error>
      """

    @ANE-001 @ANE-005
    Examples: LAN/WAN Errors - LAN has no IPv4 address
      | error                   | solution                                                                                                                                       | condition                  |
      | LAN has no IPv4 address | Check that the LAN cable/port is connected. If configuring LAN for DHCP-IP assignment, make sure the DHCP server is accessible and functional. | the LAN has no DHCP server |

    @ANE-007
    Examples: LAN/WAN Errors - LAN has no DNS servers
      | error                  | solution                                                       | condition                                  |
      | LAN has no DNS servers | Check that the LAN interface has valid DNS servers configured. | the LAN's DHCP lease has no DNS servers |

    @ANE-009
    Examples: LAN/WAN Errors - LAN DNS can't resolve QG URL
      | error                        | solution                                                                        | condition                                     |
      | LAN DNS can't resolve QG URL | Ensure the LAN's configured DNS servers can resolve the Qualys Platform URL. | the DNS servers cannot resolve the platform URL |

    @ANE-015
    Examples: LAN/WAN Errors - LAN DHCP lease has no gateway
      | error                         | solution                                                            | condition                             |
      | LAN DHCP lease has no gateway | Ensure DHCP server is assigning a valid gateway for LAN interface. | the LAN's DHCP lease has no gateway |

    @ANE-018
    Examples: LAN/WAN Errors - LAN DNS server not reachable
      | error                        | solution                                                                      | condition                          |
      | LAN DNS server not reachable | Ensure LAN interface has network connectivity to its configured DNS servers. | the LAN's DNS servers do not answer |

    @ANE-021
    Examples: LAN/WAN Errors - Duplicate IP detected
      | error                 | solution                                                                                                      | condition                                              |
      | Duplicate IP detected | Ensure LAN/WAN is configured with an IP address that is not already in use by another host on the network. | another host on the LAN uses the address 198.18.10.20 |

    @ANE-028
    Examples: Qualys Platform Connectivity Errors - Error connect to server (07), without a proxy
      | error                        | solution                                                                                                                                                                     | condition                                                      |
      | Error connect to server (07) | Without Proxy Configuration: Ensure the scanner's LAN (single-network) or WAN (split-network) interface can connect to the Qualys Platform and is not blocked by any firewall rules. | a firewall refuses the appliance's connections to the platform |

    @ANE-030 @ERRATA-207
    Examples: Qualys Platform Connectivity Errors - Timeout was reached (28), without a proxy
      | error                    | solution                                                                                                                                                                                    | condition                                                    |
      | Timeout was reached (28) | Without Proxy Configuration: Ensure the scanner's LAN (single-network) or WAN (split- network) interface can connect to the Qualys Platform within 30 seconds and is not blocked by any firewall rules. | a firewall drops the appliance's connections to the platform |
      | Timeout was reached (28) | Without Proxy Configuration: Ensure the scanner's LAN (single-network) or WAN (split- network) interface can connect to the Qualys Platform within 30 seconds and is not blocked by any firewall rules. | the platform answers only after 45 seconds                   |

    @ANE-032
    Examples: Qualys Platform Connectivity Errors - Failed sending peer data (55), without a proxy
      | error                         | solution                                                                                                                                                                                                                            | condition                                                                      |
      | Failed sending peer data (55) | Without Proxy Configuration: Failure while sending network data. Ensure the scanner's LAN (single-network) or WAN (split-network) interface can connect to the Qualys Platform and is not blocked by any firewall rules or network access control devices. | a firewall resets when the appliance sends the appliance's connections to the platform |

    @ANE-034
    Examples: Qualys Platform Connectivity Errors - Failed receiving peer data (56), without a proxy
      | error                           | solution                                                                                                                                                                                                                              | condition                                                               |
      | Failed receiving peer data (56) | Without Proxy Configuration: Failure while receiving network data. Ensure the scanner's LAN (single-network) or WAN (split-network) interface can connect to the Qualys Platform and is not blocked by any firewall rules or network access control devices. | a firewall loses the answers to the appliance's connections to the platform |

    @ANE-035
    Examples: Qualys Platform Connectivity Errors - SSL peer cert was not OK, without a proxy
      | error                    | solution                                                                                                                                                                        | condition                                      |
      | SSL peer cert was not OK | This issue may occur when there is a proxy or intercepting device interfering with the certificate exchange process between the scanner and Qualys Platform. Please contact Qualys Support. | the platform's TLS certificate is not trusted |

    @ANE-035 @ERRATA-202
    Examples: Qualys Platform Connectivity Errors - SSL peer cert was not OK, a failed TLS handshake
      | error                    | solution                                                                                                                                                                        | condition                                 |
      | SSL peer cert was not OK | This issue may occur when there is a proxy or intercepting device interfering with the certificate exchange process between the scanner and Qualys Platform. Please contact Qualys Support. | the TLS handshake with the platform fails |

    @ANE-036
    Examples: Qualys Platform Connectivity Errors - Unexpected QG HTTP/401
      | error                  | solution                                                                          | condition                                     |
      | Unexpected QG HTTP/401 | Please report this error to Qualys Support and include all configuration details. | the platform answers the appliance with HTTP 401 |

    @ANE-037
    Examples: Qualys Platform Connectivity Errors - Unexpected QG HTTP/500
      | error                  | solution                                                                          | condition                                     |
      | Unexpected QG HTTP/500 | Please report this error to Qualys Support and include all configuration details. | the platform answers the appliance with HTTP 500 |

    @ANE-038
    Examples: This scan_id does not exist
      | error                       | solution                                                                | condition                               |
      | This scan_id does not exist | The scanner is not registered with Qualys. Please contact Qualys Support. | the platform does not know the scanner |

    @ANE-039
    Examples: This Scanner is disabled
      | error                    | solution                                     | condition                               |
      | This Scanner is disabled | Please report this error to Qualys Support. | the platform has disabled the scanner |

    @ANE-040
    Examples: Account expired
      | error           | solution                                     | condition                                    |
      | Account expired | Please report this error to Qualys Support. | the platform says the account has expired |

  @ANE-003 @ERRATA-260 @needs-power @needs-network
  Scenario: Switched on with the LAN cable unplugged: the interface has no carrier
    Given the LAN cable is unplugged
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "no CARRIER on LAN interface" within 5 minutes

  # ---------------------------------------------------------------------------------------------
  # Found when proxy support is enabled: "This error appears when attempting to configure proxy".

  @needs-network @needs-platform
  Scenario Outline: Proxy support enabled while <condition>: "<error>"
    Given the lab network is "office-proxy"
    And the appliance is running
    And <condition>
    When I enable proxy support through 198.18.10.8 port 3128
    Then the screen shows "<error>" within 2 minutes
    And these messages appear in this order:
      """
      ENABLING PROXY SUPPORT
      CONTACTING QUALYS
      <error>
      """

    @ANE-003
    Examples: LAN/WAN Errors - no CARRIER on LAN interface
      | error                       | solution                                                                                                                                                                 | condition                    |
      | no CARRIER on LAN interface | This error appears when attempting to configure proxy or personalization while the LAN network cable/port is disconnected. Check that the LAN port is connected. | the LAN cable is unplugged |

    @ANE-024
    Examples: Proxy Errors - unexpected proxy HTTP/403
      | error                     | solution                                                                                          | condition                                  |
      | unexpected proxy HTTP/403 | Ensure configured proxy user on the scanner has authorization to connect to the Qualys Platform. | the proxy answers the appliance with HTTP 403 |

    @ANE-025
    Examples: Proxy Errors - unexpected proxy HTTP/407
      | error                     | solution                                                                  | condition                                                                 |
      | unexpected proxy HTTP/407 | Ensure the scanner is configured with valid proxy username and password. | the proxy asks for Basic authentication as "scanner" with the password named "proxy-troubleshooting" |

    @ANE-026 @ERRATA-262
    Examples: Proxy Errors - unexpected proxy HTTP/503
      | error                     | solution                                                     | condition                                                      |
      | unexpected proxy HTTP/503 | Ensure the proxy server can connect to the Qualys Platform. | a firewall refuses the appliance's connections to the platform |
      | unexpected proxy HTTP/503 | Ensure the proxy server can connect to the Qualys Platform. | the proxy answers the appliance with HTTP 503                  |

    @ANE-023 @ERRATA-202
    Examples: Proxy Errors - Invalid proxy auth config, a proxy whose authentication methods the appliance does not speak
      | error                     | solution                                                                                               | condition                                                               |
      | Invalid proxy auth config | Ensure proxy configuration on the scanner is configured with valid proxy username and password. | the proxy offers only authentication methods the appliance does not support |

    @ANE-027
    Examples: Qualys Platform Connectivity Errors - Error connect to server (07), with a proxy
      | error                        | solution                                                                                                                                                                  | condition                     |
      | Error connect to server (07) | With Proxy Configuration: Ensure proxy configuration on the scanner is configured with valid host and port. Ensure the proxy port is accessible from the scanner's LAN or WAN interface. | the proxy refuses connections |

    @ANE-029 @ERRATA-207 @ERRATA-262
    Examples: Qualys Platform Connectivity Errors - Timeout was reached (28), with a proxy
      | error                    | solution                                                                                                                   | condition                                                    |
      | Timeout was reached (28) | With Proxy Configuration: Ensure the proxy can connect to the Qualys Platform within 30 seconds and is not blocked by any firewall rules. | a firewall drops the appliance's connections to the platform |
      | Timeout was reached (28) | With Proxy Configuration: Ensure the proxy can connect to the Qualys Platform within 30 seconds and is not blocked by any firewall rules. | the platform answers only after 45 seconds                   |

    @ANE-031 @ERRATA-262
    Examples: Qualys Platform Connectivity Errors - Failed sending peer data (55), with a proxy
      | error                         | solution                                                                                                                                     | condition                                                                      |
      | Failed sending peer data (55) | With Proxy Configuration: Failure while sending network data to proxy. Ensure the scanner can communicate with the configured proxy server. | a firewall resets when the appliance sends the appliance's connections to the platform |

    @ANE-033 @ERRATA-262
    Examples: Qualys Platform Connectivity Errors - Failed receiving peer data (56), with a proxy
      | error                           | solution                                                                                                                                           | condition                                                               |
      | Failed receiving peer data (56) | With Proxy Configuration: Failure while receiving network data from proxy. Ensure the scanner can communicate with the configured proxy server. | the proxy closes the connection                                         |
      | Failed receiving peer data (56) | With Proxy Configuration: Failure while receiving network data from proxy. Ensure the scanner can communicate with the configured proxy server. | a firewall loses the answers to the appliance's connections to the platform |

    @ANE-033 @ERRATA-202
    Examples: Qualys Platform Connectivity Errors - Failed receiving peer data (56), a proxy that does not speak HTTP/1
      | error                           | solution                                                                                                                                           | condition                   |
      | Failed receiving peer data (56) | With Proxy Configuration: Failure while receiving network data from proxy. Ensure the scanner can communicate with the configured proxy server. | the proxy speaks only SOCKS |

    @ANE-035
    Examples: Qualys Platform Connectivity Errors - SSL peer cert was not OK, an SSL bridging proxy
      | error                    | solution                                                                                                                                                                        | condition                                            |
      | SSL peer cert was not OK | This issue may occur when there is a proxy or intercepting device interfering with the certificate exchange process between the scanner and Qualys Platform. Please contact Qualys Support. | the proxy terminates the TLS session (SSL bridging) |

  @needs-network
  Scenario Outline: Proxy support enabled with a wrong configuration (<configuration>): "<error>"
    Given the lab network is "office-proxy"
    And the appliance is running
    When <configuration>
    Then the screen shows "<error>" within 2 minutes

    @ANE-022
    Examples: Proxy Errors - Invalid proxy IP
      | error            | solution                                                                                       | configuration                                      |
      | Invalid proxy IP | Ensure proxy configuration on the scanner is configured with a valid IP address for the proxy. | I enable proxy support through 0.0.0.0 port 3128 |

    @ANE-023 @ERRATA-206
    Examples: Proxy Errors - Invalid proxy auth config
      | error                     | solution                                                                                               | configuration                                                                      |
      | Invalid proxy auth config | Ensure proxy configuration on the scanner is configured with valid proxy username and password. | I enable proxy support through 198.18.10.8 port 3128 as user "" with the password named "proxy-troubleshooting" |

    @ANE-027
    Examples: Qualys Platform Connectivity Errors - Error connect to server (07), a wrong proxy port
      | error                        | solution                                                                                                                                                                  | configuration                                        |
      | Error connect to server (07) | With Proxy Configuration: Ensure proxy configuration on the scanner is configured with valid host and port. Ensure the proxy port is accessible from the scanner's LAN or WAN interface. | I enable proxy support through 198.18.10.8 port 8080 |

    @ANE-013
    Examples: LAN/WAN Errors - LAN DNS can't resolve proxy
      | error                       | solution                                                                            | configuration                                                          |
      | LAN DNS can't resolve proxy | Ensure LAN DNS server(s) can resolve the scanner's configured proxy hostname. | I enable proxy support through the host name "PROXY.NOWHERE.TEST" port 3128 |

  @ANE-013 @needs-network
  Scenario: The proxy's host name, which DNS resolved before, no longer resolves: "LAN DNS can't resolve proxy"
    Given the lab network is "office-proxy"
    And the appliance is running
    When I enable proxy support through the host name "PROXY.LAB.TEST" port 3128
    Then the screen does not show "LAN DNS can't resolve proxy"
    Given the DNS servers cannot resolve the proxy's host name
    When I enable proxy support through the host name "PROXY.LAB.TEST" port 3128
    Then the screen shows "LAN DNS can't resolve proxy" within 2 minutes

  @ANE-029 @ANE-030 @ERRATA-207 @needs-network @needs-network-pace
  Scenario: "within 30 seconds": CONTACTING QUALYS stays 30 seconds before the timeout is reported
    Given the lab network is "office-proxy"
    And the appliance is running
    And a firewall drops the appliance's connections to the platform
    When I enable proxy support through 198.18.10.8 port 3128
    Then the screen shows "Timeout was reached (28)" within 2 minutes
    And "CONTACTING QUALYS" was shown for about 30 to 36 seconds

  @ANE-030 @ERRATA-207 @needs-network @needs-network-pace
  Scenario: Without a proxy: CONTACTING QUALYS stays 30 seconds before the timeout is reported
    Given the appliance is running
    And a firewall drops the appliance's connections to the platform
    When I renew DHCP on the LAN
    Then the screen shows "Timeout was reached (28)" within 2 minutes
    And "CONTACTING QUALYS" was shown for about 30 to 36 seconds

  @ANE-018 @ERRATA-207 @needs-network @needs-network-pace
  Scenario: DNS servers that do not answer are given up sooner than a silent platform
    Given the appliance is running
    And the LAN's DNS servers do not answer
    When I renew DHCP on the LAN
    Then the screen shows "LAN DNS server not reachable" within 2 minutes
    And "CONTACTING QUALYS" was shown for about 10 to 16 seconds

  @ANE-030 @ERRATA-207 @needs-platform
  Scenario: A platform that answers within 30 seconds is reached; one that answers later is given up
    Given the appliance has been activated by user "jdoe"
    And the platform answers only after 25 seconds
    When I restart the appliance
    Then the screen shows "is_jdoe" within 5 minutes
    Given the platform answers only after 35 seconds
    When I restart the appliance
    Then the screen shows "Timeout was reached (28)" within 5 minutes

  @ANE-027 @needs-network @needs-network-pace
  Scenario: A refused connection is reported at once, not after 30 seconds
    Given the lab network is "office-proxy"
    And the appliance is running
    And the proxy refuses connections
    When I enable proxy support through 198.18.10.8 port 3128
    Then the screen shows "Error connect to server (07)" within 2 minutes
    And "CONTACTING QUALYS" was shown for about 1 to 10 seconds

  # ---------------------------------------------------------------------------------------------
  # Found when the WAN interface is configured (split network).

  # The message comes once the WAN's DHCP request is answered or given up: 5 minutes, as at
  # switch-on (ERRATA-366).
  @needs-network @needs-platform @ERRATA-366
  Scenario Outline: DHCP enabled on the WAN while <condition>: "<error>"
    Given the lab network is "split"
    And the appliance is running
    And <condition>
    When I enable DHCP on the WAN
    Then the screen shows "<error>" within 5 minutes

    @ANE-006
    Examples: LAN/WAN Errors - WAN has no IPv4 address
      | error                   | solution                                                                                                                                       | condition                  |
      | WAN has no IPv4 address | Check that the WAN cable/port is connected. If configuring WAN for DHCP-IP assignment, make sure the DHCP server is accessible and functional. | the WAN has no DHCP server |

    @ANE-008
    Examples: LAN/WAN Errors - WAN has no DNS servers
      | error                  | solution                                                       | condition                                  |
      | WAN has no DNS servers | Check that the WAN interface has valid DNS servers configured. | the WAN's DHCP lease has no DNS servers |

    @ANE-010
    Examples: LAN/WAN Errors - WAN DNS can't resolve QG URL
      | error                        | solution                                                                        | condition                                     |
      | WAN DNS can't resolve QG URL | Ensure the WAN's configured DNS servers can resolve the Qualys Platform URL. | the DNS servers cannot resolve the platform URL |

    @ANE-016
    Examples: LAN/WAN Errors - WAN DHCP lease has no gateway
      | error                         | solution                                                            | condition                             |
      | WAN DHCP lease has no gateway | Ensure DHCP server is assigning a valid gateway for WAN interface. | the WAN's DHCP lease has no gateway |

    @ANE-019
    Examples: LAN/WAN Errors - WAN DNS server not reachable
      | error                        | solution                                                                      | condition                          |
      | WAN DNS server not reachable | Ensure WAN interface has network connectivity to its configured DNS servers. | the WAN's DNS servers do not answer |

    @ANE-020
    Examples: LAN/WAN Errors - LAN and WAN same gateway
      | error                    | solution                                                                     | condition                                                                                          |
      | LAN and WAN same gateway | LAN and WAN must be configured with different subnets and gateway addresses. | the WAN has a DHCP server that leases 198.18.20.20 with gateway 198.18.10.1 and DNS server 198.18.20.53 |

  @ANE-004 @needs-network
  Scenario: Proxy support enabled while the WAN cable is unplugged: "no CARRIER on WAN interface"
    # "no CARRIER on WAN interface: This error appears when attempting to configure proxy or
    # personalization while the WAN network cable/port is disconnected. Check that the WAN port
    # is connected."
    Given the lab network is "split-proxy"
    And the appliance is running
    And I enable DHCP on the WAN
    And the WAN cable is unplugged
    When I enable proxy support through 198.18.20.8 port 3128
    Then the screen shows "no CARRIER on WAN interface" within 2 minutes

  @ANE-014 @needs-network
  Scenario: Proxy support enabled by host name on a split network whose DNS cannot resolve it: "WAN DNS can't resolve proxy"
    Given the lab network is "split-proxy"
    And the appliance is running
    And I enable DHCP on the WAN
    And the DNS servers cannot resolve the proxy's host name
    When I enable proxy support through the host name "PROXY.LAB.TEST" port 3128
    Then the screen shows "WAN DNS can't resolve proxy" within 2 minutes

  # ---------------------------------------------------------------------------------------------
  # Found when a static IP configuration is saved.

  @needs-network
  Scenario Outline: A static IP configuration saved: "<error>"
    Given the lab network is "<network>"
    And the appliance is running
    When <configuration>
    Then the screen shows "<error>" within 2 minutes

    @ANE-011
    Examples: LAN/WAN Errors - Invalid LAN IP configuration
      | error                        | solution                                                     | network | configuration                                                                                         |
      | Invalid LAN IP configuration | Ensure a valid IP address is assigned to the LAN interface. | office  | I enable static IP on the LAN 198.18.10.255 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 |
      | Invalid LAN IP configuration | Ensure a valid IP address is assigned to the LAN interface. | office  | I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.99.1 and DNS 198.18.10.53  |

    @ANE-012
    Examples: LAN/WAN Errors - Invalid WAN IP configuration
      | error                        | solution                                                     | network | configuration                                                                                         |
      | Invalid WAN IP configuration | Ensure a valid IP address is assigned to the WAN interface. | split   | I enable static IP on the WAN 198.18.20.255 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

    @ANE-017
    Examples: LAN/WAN Errors - Duplicate LAN and WAN config
      | error                        | solution                                   | network | configuration                                                                                        |
      | Duplicate LAN and WAN config | LAN and WAN must be on different subnets. | split   | I enable static IP on the WAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 |

  # ---------------------------------------------------------------------------------------------
  # Filesystem Mount Errors, at boot.

  @needs-power @needs-faults
  Scenario Outline: The filesystem <part> fails at boot: "<error>"
    Given the appliance is plugged in and switched off
    And the appliance's filesystem <part> will fail fatally at the next boot
    When I press the power button
    Then the screen shows "<error>" within 5 minutes
    And these messages appear in this order:
      """
      <boot message>
      <error>
      """
    And the screen does not show "CONTACTING QUALYS"

    @ANE-041
    Examples: Filesystem Mount Errors - EFS fsck fatal errors
      | error                 | solution                                     | part  | boot message                    |
      | EFS fsck fatal errors | Please report this error to Qualys Support. | check | Filesystem check in progress... |

    @ANE-042
    Examples: Filesystem Mount Errors - EFS mount fatal error
      | error                 | solution                                     | part  | boot message                    |
      | EFS mount fatal error | Please report this error to Qualys Support. | mount | Qualys Scanner is coming up...  |

  # ---------------------------------------------------------------------------------------------
  # "The Scanner Appliance is not functional until the error is resolved."

  @ANE-002 @ERRATA-264 @needs-leds @needs-virtual-time @needs-network @needs-platform
  Scenario: Not functional until the error is resolved: a launched scan starts only once the appliance reaches the platform
    Given the appliance has been activated by user "jdoe"
    And the LAN has no DHCP server
    When I restart the appliance
    Then the screen shows "LAN has no IPv4 address" within 5 minutes
    Given a scan of 60 minutes has been launched on the appliance
    When 10 minutes pass
    Then the screen shows "LAN has no IPv4 address"
    And the S1 LED is off
    Given the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    Then the screen shows "is_jdoe" within 4 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And the S1 LED is on

  @ANE-005 @ERRATA-209 @needs-network
  Scenario: IPv6-only mode on a LAN that gives no IPv6 address: the error row for a missing address
    Given the appliance is running
    And the appliance has been reset to IPv6-only mode
    Then the screen shows "LAN has no IPv4 address" within 2 minutes
