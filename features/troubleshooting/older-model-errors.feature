@guide:older-model-errors @fw-older
Feature: Troubleshooting - Network Errors using older appliance model (E00 to E14)
  "Have an older appliance model? Network errors are reported differently using older appliance
  models."
  "The error code displayed with a network error message provides specific information on the
  error to assist with troubleshooting. If you need further assistance with troubleshooting the
  issue, please identify the error code when you contact Qualys Support."
  "More general error codes may be overwritten by more specific ones. For example, the appliance
  may return the error code E04 (No connectivity after the Proxy was disabled). After trying to
  connect for a while, the error code may be overwritten by E13 (DNS lookup of the Qualys server
  failed). When troubleshooting the network error, it's useful to be at the appliance to watch
  these error codes scroll by."
  The older model's screens are the 2017 ones; its network error screen reads NETWORK ERROR with
  the code on the second line (ERRATA-203). The first attempt after a change reports the change's
  general code, later attempts (at each poll) the specific one (ERRATA-204). Every code of the
  guide's table is produced here by its condition; the Examples copy the table.

  # ---------------------------------------------------------------------------------------------
  # Found when the appliance is switched on: the specific code at once.

  @OLD-001 @OLD-002 @ERRATA-203 @needs-power @needs-network @needs-platform
  Scenario Outline: Switched on while <condition>: NETWORK ERROR <code>
    Given <condition>
    And the appliance is plugged in and switched off
    When I press the power button
    Then the screen shows "<code>" within 5 minutes
    And line 1 reads "NETWORK ERROR"
    And line 2 reads "<code>"

    @OLD-007
    Examples: E05
      | code | description                                                                 | condition                                     |
      | E05  | DNS lookup of the Qualys server failed (maybe network connectivity problem) | the DNS servers cannot resolve the platform URL |

    @OLD-008
    Examples: E06
      | code | description                              | condition                                                    |
      | E06  | Cannot reach the Qualys server via HTTPS | a firewall drops the appliance's connections to the platform |
      | E06  | Cannot reach the Qualys server via HTTPS | the TLS handshake with the platform fails                    |
      | E06  | Cannot reach the Qualys server via HTTPS | the platform answers the appliance with HTTP 500             |

    @OLD-012
    Examples: E10
      | code | description                         | condition                  |
      | E10  | Could not configure the LAN interface | the LAN has no DHCP server |
      | E10  | Could not configure the LAN interface | the LAN cable is unplugged |

    @OLD-015
    Examples: E13
      | code | description                                                                  | condition                          |
      | E13  | DNS lookup of the Qualys server failed due to a network connectivity problem | the LAN's DNS servers do not answer |

  # ---------------------------------------------------------------------------------------------
  # The change's own (general) code, at the first attempt after it.

  @ERRATA-204 @needs-network
  Scenario Outline: <configuration>: NETWORK ERROR <code> at the first attempt
    Given the lab network is "<network>"
    And the appliance is running
    And <condition>
    When <configuration>
    Then the screen shows "<code>" within 2 minutes
    And line 1 reads "NETWORK ERROR"
    And line 2 reads "<code>"

    @OLD-005
    Examples: E03
      | code | description               | network      | condition                       | configuration                                        |
      | E03  | Proxy configuration error | office-proxy | the proxy closes the connection | I enable proxy support through 198.18.10.8 port 3128 |

    @OLD-012
    Examples: E10
      | code | description                           | network | condition                  | configuration           |
      | E10  | Could not configure the LAN interface | office  | the LAN has no DHCP server | I renew DHCP on the LAN |

    @OLD-014
    Examples: E12
      | code | description                           | network | condition                  | configuration              |
      | E12  | Could not configure the WAN interface | office  | the WAN cable is unplugged | I enable DHCP on the WAN   |
      | E12  | Could not configure the WAN interface | split   | the WAN has no DHCP server | I enable DHCP on the WAN   |

  @OLD-005 @needs-virtual-time @needs-network
  Scenario: An address no proxy can have: NETWORK ERROR E03, at the first attempt and the later ones
    Given the lab network is "office-proxy"
    And the appliance is running
    When I enable proxy support through 0.0.0.0 port 3128
    Then the screen shows "E03" within 2 minutes
    When 4 minutes pass
    Then line 1 reads "NETWORK ERROR"
    And line 2 reads "E03"

  @OLD-006 @ERRATA-204 @needs-network
  Scenario: Proxy disabled where the Internet is reached only through the proxy: NETWORK ERROR E04
    Given the lab network is "office-proxy"
    And the appliance is running
    And I enable proxy support through 198.18.10.8 port 3128
    And the screen shows "ACTIVATION CODE" within 2 minutes
    When I disable proxy support
    Then the screen shows "E04" within 2 minutes
    And line 1 reads "NETWORK ERROR"

  @OLD-016 @needs-network @needs-platform
  Scenario: ENTER on the ACTIVATION CODE screen while DNS cannot resolve the platform URL: NETWORK ERROR E14
    Given the appliance shows the ACTIVATION CODE screen
    And the DNS servers cannot resolve the platform URL
    When I press ENTER
    Then the screen shows "E14" within 2 minutes
    And line 1 reads "NETWORK ERROR"

  # ---------------------------------------------------------------------------------------------
  # "More general error codes may be overwritten by more specific ones."

  @OLD-017 @ERRATA-204 @needs-virtual-time @needs-network @needs-platform
  Scenario Outline: <configuration>: first <general>, then overwritten by <code>
    Given the lab network is "<network>"
    And the appliance is running
    And <condition>
    When <configuration>
    Then the screen shows "<general>" within 2 minutes
    And line 2 reads "<general>"
    And the screen shows "<code>" within 4 minutes
    And line 1 reads "NETWORK ERROR"
    And line 2 reads "<code>"

    @OLD-003 @ERRATA-261
    Examples: E00 E01
      | general | code | description                       | network      | condition                                                                      | configuration                                                                                 |
      | E03     | E00  | Internal error (NTLM Proxy error) | office-proxy | the proxy asks for NTLM authentication as "scanner" in domain "LAB" with the password named "proxy-troubleshooting" | I enable proxy support through 198.18.10.8 port 3128 as user "scanner" with the password named "proxy-troubleshooting"     |
      | E03     | E01  | Internal error (NTLM Proxy error) | office-proxy | the proxy asks for NTLM authentication as "scanner" in domain "LAB" with the password named "proxy-troubleshooting" | I enable proxy support through 198.18.10.8 port 3128 as user "LAB\scanner" with the password named "proxy-wrong" |

    @OLD-004
    Examples: E02
      | general | code | description                  | network      | condition                                                               | configuration                                        |
      | E03     | E02  | Internal error (Proxy error) | office-proxy | the proxy closes the connection                                         | I enable proxy support through 198.18.10.8 port 3128 |
      | E03     | E02  | Internal error (Proxy error) | office-proxy | the proxy answers the appliance with HTTP 403                           | I enable proxy support through 198.18.10.8 port 3128 |
      | E03     | E02  | Internal error (Proxy error) | office-proxy | the proxy offers only authentication methods the appliance does not support | I enable proxy support through 198.18.10.8 port 3128 |

    @OLD-007
    Examples: E05
      | general | code | description                                                                 | network | condition                                     | configuration           |
      | E10     | E05  | DNS lookup of the Qualys server failed (maybe network connectivity problem) | office  | the DNS servers cannot resolve the platform URL | I renew DHCP on the LAN |

  @OLD-017 @ERRATA-204 @needs-virtual-time @needs-network
  Scenario Outline: A static IP configuration saved (<configuration>): first <general>, then overwritten by <code>
    Given the lab network is "<network>"
    And the appliance is running
    When <configuration>
    Then the screen shows "<general>" within 2 minutes
    And line 2 reads "<general>"
    And the screen shows "<code>" within 4 minutes
    And line 1 reads "NETWORK ERROR"
    And line 2 reads "<code>"

    @OLD-009
    Examples: E07
      | general | code | description                                   | network | configuration                                                                                                      |
      | E10     | E07  | Invalid LAN IP address or LAN gateway address | office  | I enable static IP on the LAN 198.18.10.255 with netmask 255.255.255.000, gateway 198.18.10.1 and DNS 198.18.10.53 |
      | E10     | E07  | Invalid LAN IP address or LAN gateway address | office  | I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.99.1 and DNS 198.18.10.53  |

    @OLD-010
    Examples: E08
      | general | code | description                                   | network | configuration                                                                                                      |
      | E12     | E08  | Invalid WAN IP address or WAN gateway address | split   | I enable static IP on the WAN 198.18.20.255 with netmask 255.255.255.000, gateway 198.18.20.1 and DNS 198.18.20.53 |

    @OLD-011
    Examples: E09
      | general | code | description                                               | network | configuration                                                                                                 |
      | E10     | E09  | LAN IP address or LAN gateway address cannot be 127.0.0.1 | office  | I enable static IP on the LAN 127.0.0.1 with netmask 255.000.000.000, gateway 127.0.0.2 and DNS 198.18.10.53 |

    @OLD-013
    Examples: E11
      | general | code | description                                               | network | configuration                                                                                                 |
      | E12     | E11  | WAN IP address or WAN gateway address cannot be 127.0.0.1 | split   | I enable static IP on the WAN 127.0.0.1 with netmask 255.000.000.000, gateway 127.0.0.2 and DNS 198.18.20.53 |

  @OLD-006 @OLD-015 @OLD-017 @OLD-018 @OLD-019 @ERRATA-204 @needs-virtual-time @needs-network
  Scenario: The guide's example: E04 right after the proxy is disabled, overwritten by E13 after trying to connect for a while
    Given the lab network is "office-proxy"
    And the appliance is running
    And I enable proxy support through 198.18.10.8 port 3128
    And the screen shows "ACTIVATION CODE" within 2 minutes
    And the LAN's DNS servers do not answer
    When I disable proxy support
    Then the screen shows "E04" within 2 minutes
    And line 1 reads "NETWORK ERROR"
    When 2 minutes pass
    Then line 2 reads "E04"
    And the screen shows "E13" within 2 minutes
    And line 1 reads "NETWORK ERROR"
    When 10 minutes pass
    Then line 2 reads "E13"
