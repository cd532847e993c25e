@guide:network-requirements
Feature: Before you begin - Network requirements / configuration
  What the appliance's behaviour shows of the guide's network requirements table. The rest is
  verified by inspection (the register says why): the bandwidth ("Minimum recommended bandwidth
  connection of 1.5 megabits per second"), the hosts to be scanned and their DNS names (the
  appliance's screens show no scan), the time sync (no screen shows the appliance's clock); the
  VLANs configured "using the Qualys user interface" wait for the portal. The VLAN tag entered at
  the appliance console is verified with the options chart (complete-network-configuration).
  Lab networks: "office" (LAN 198.18.10.0/24 with DHCP, router .1, DNS .53, direct Internet),
  "office-proxy" (the Internet only through the proxy 198.18.10.8:3128), "split" (LAN without the
  Internet; WAN on a DMZ 198.18.20.0/24 with DHCP and the Internet). The 2017 NETWORK ERR screen
  is quoted as its two lines: "NETWORK ERR <code>" then the description (ERRATA-015).

  Rule: Outbound HTTPS Access
    "The local network must be configured to allow outbound HTTPS (port 443) access to the
    Internet, so that the Scanner Appliance can communicate with the Qualys Cloud Platform."
    Appliance Access to Qualys Cloud Platform: "The Scanner Appliance must be able to reach certain
    infrastructure located at the Qualys Cloud Platform where your Qualys account is located."

    @NREQ-002 @NREQ-003 @needs-power @needs-network
    Scenario Outline: <generation>: without outbound HTTPS the appliance cannot reach the platform; with it, it can
      Given the lab network is "office"
      And a firewall drops the appliance's connections to the platform
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "<error>" within 5 minutes
      When the firewall is opened for outbound HTTPS (port 443) to the platform
      And I press DOWN until "SYSTEM REBOOT" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "ACTIVATION CODE" within 5 minutes

      @fw-2017
      Examples:
        | generation | error                         |
        | 2017       | NETWORK ERR 06 QG con timeout |

      @fw-2022
      Examples:
        | generation | error                    |
        | 2022       | Timeout was reached (28) |

    @NREQ-003 @needs-power @needs-network @needs-platform
    Scenario Outline: <generation>: the platform's infrastructure must be found: DNS that cannot resolve the platform URL stops the appliance
      Given the lab network is "office"
      And the DNS servers cannot resolve the platform URL
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "<error>" within 5 minutes
      And the screen does not show "ACTIVATION CODE"

      @fw-2017
      Examples:
        | generation | error                         |
        | 2017       | NETWORK ERR 06 LAN DNS failed |

      @fw-2022
      Examples:
        | generation | error                        |
        | 2022       | LAN DNS can't resolve QG URL |

  Rule: LAN Interface is Default
    "The LAN interface services both scanning traffic and management traffic to the Qualys Cloud
    Platform, unless split network configuration is defined for the Appliance."

    @NREQ-006 @NAME-007 @needs-power @needs-network @needs-platform
    Scenario Outline: <generation>: a WAN cable to the Internet is not used until split network configuration is defined
      Given the lab network is "split"
      And the appliance is plugged in and switched off
      When I press the power button
      Then the screen shows "<error>" within 5 minutes
      When I enable DHCP on the WAN
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes

      @fw-2017
      Examples:
        | generation | error                         |
        | 2017       | NETWORK ERR 06 QG con timeout |

      @fw-2022
      Examples:
        | generation | error                    |
        | 2022       | Timeout was reached (28) |

  Rule: DHCP or Static IP
    "By default the Scanner Appliance is pre-configured with DHCP. If configured with a static IP
    address, be sure you have the IP address, netmask, default gateway, primary DNS and WINS server
    (if appropriate)."

    @NREQ-009 @needs-network @needs-platform
    Scenario: By default the appliance takes its address from DHCP
      Given the LAN has a DHCP server that leases 198.18.10.77 with gateway 198.18.10.1 and DNS server 198.18.10.53
      And the appliance has been activated by user "jdoe"
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.77 within 1 minute

    @NREQ-009 @ERRATA-006 @needs-platform
    Scenario: By default SETUP NETWORK offers to renew the DHCP lease, not to enable DHCP
      Given the main menu is shown
      When I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"
      And the screen does not show "ENABLE DHCP ON LAN"

    @NREQ-010 @NREQ-017 @ERRATA-285 @needs-power @needs-network @needs-platform
    Scenario: With no DHCP server: the IP address, netmask, default gateway, primary DNS and WINS server
      Given the lab network is "office"
      And the LAN has no DHCP server
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1, DNS 198.18.10.53 and WINS server 198.18.10.60
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      When I activate the appliance in the portal with the code shown, as user "jdoe"
      And I press ENTER
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.30 within 2 minutes

    @NREQ-010 @needs-power @needs-network
    Scenario Outline: <generation>: a static IP address without its <missing> does not reach the platform
      Given the lab network is "office"
      And the LAN has no DHCP server
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway <gateway> and DNS <dns>
      Then the screen shows "<error>" within 2 minutes

      @fw-2017
      Examples:
        | generation | missing         | gateway     | dns          | error                         |
        | 2017       | default gateway | 0.0.0.0     | 198.18.10.53 | NETWORK ERR 07 inv LAN IP cnf |
        | 2017       | primary DNS     | 198.18.10.1 | 0.0.0.0      | NETWORK ERR 10 LAN no DNS srv |

      @fw-2022
      Examples:
        | generation | missing         | gateway     | dns          | error                        |
        | 2022       | default gateway | 0.0.0.0     | 198.18.10.53 | Invalid LAN IP configuration |
        | 2022       | primary DNS     | 198.18.10.1 | 0.0.0.0      | LAN has no DNS servers       |

  Rule: Proxy Support
    "The Scanner Appliance includes Proxy support with or wihout authentication - Basic or NTLM."
    2017: "The Proxy server must be assigned a static IP address and must allow transparent SSL
    tunneling." Both: "Proxy-level termination (as implemented in SSL bridging, for example) is not
    supported." 2022: "SOCKS proxies are not supported." The "office-proxy" network's proxy
    tunnels the appliance's connections (transparent SSL tunneling) unless told otherwise.

    @NREQ-011 @NREQ-012 @needs-power @needs-network
    Scenario: Proxy support without authentication: the user name and password are left blank
      Given the lab network is "office-proxy"
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128
      Then the screen shows "ACTIVATION CODE" within 2 minutes

    @NREQ-011 @NREQ-012 @needs-power @needs-network
    Scenario: Proxy support with Basic authentication
      Given the lab network is "office-proxy"
      And the proxy asks for Basic authentication as "scanner" with the password named "proxy-basic"
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128 as user "scanner" with the password named "proxy-basic"
      Then the screen shows "ACTIVATION CODE" within 2 minutes

    # "If there is a backslash in the middle of the entry, the Appliance interprets the string
    # before the backslash as the domain name."
    @NREQ-011 @NREQ-012 @needs-power @needs-network
    Scenario: Proxy support with NTLM authentication, the user given as domain\user
      Given the lab network is "office-proxy"
      And the proxy asks for NTLM authentication as "scanner" in domain "LAB" with the password named "proxy-ntlm"
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128 as user "LAB\scanner" with the password named "proxy-ntlm"
      Then the screen shows "ACTIVATION CODE" within 2 minutes

    @NREQ-011 @needs-power @needs-network
    Scenario Outline: <generation>: the proxy's authentication is checked: a wrong password is refused
      Given the lab network is "office-proxy"
      And the proxy asks for Basic authentication as "scanner" with the password named "proxy-basic"
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128 as user "scanner" with the password named "proxy-wrong"
      Then the screen shows "<error>" within 2 minutes

      @fw-2017
      Examples:
        | generation | error                         |
        | 2017       | NETWORK ERR 03 prxy HTTP/407  |

      @fw-2022
      Examples:
        | generation | error                      |
        | 2022       | unexpected proxy HTTP/407  |

    @fw-2017 @NREQ-012 @needs-network
    Scenario: 2017: the proxy is given by its IP address
      Given the "IP ADDRESS" prompt is shown
      Then the field reads a value in the format "nnn.nnn.nnn.nnn"

    @NREQ-013 @needs-power @needs-network
    Scenario Outline: <generation>: a proxy that terminates the TLS session (SSL bridging) is not supported
      Given the lab network is "office-proxy"
      And the proxy terminates the TLS session (SSL bridging)
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128
      Then the screen shows "<error>" within 2 minutes

      @fw-2017
      Examples:
        | generation | error                         |
        | 2017       | NETWORK ERR 03 QG SSL certval |

      @fw-2022
      Examples:
        | generation | error                    |
        | 2022       | SSL peer cert was not OK |

    @fw-2022 @NREQ-014 @ERRATA-202 @needs-power @needs-network
    Scenario: 2022: a SOCKS proxy is not supported
      Given the lab network is "office-proxy"
      And the proxy speaks only SOCKS
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable proxy support through 198.18.10.8 port 3128
      Then the screen shows "Failed receiving peer data (56)" within 2 minutes

  Rule: WINS Support
    "For an Appliance configured with DHCP, please be sure your WINS server IPs (primary and
    secondary) are added to your DHCP subnet configuration using "option netbios-name-servers
    WINS1, WINS2;". For an Appliance with a static IP address, the WINS servers are defined with
    the static IP settings using the Appliance console." The settings the appliance stores "will
    appear as default parameters in the Scanner Appliance user interface" (ERRATA-285).

    @NREQ-015 @NREQ-016 @ERRATA-285 @needs-network
    Scenario: The WINS servers of the DHCP lease are the appliance's WINS servers
      Given the LAN's DHCP server gives the WINS servers 198.18.10.60 and 198.18.10.61
      And the "LAN WINS1" prompt is shown
      Then the field reads "198.018.010.060"
      When I press ENTER
      Then the screen shows "LAN WINS2"
      And the field reads "198.018.010.061"

    @NREQ-015 @NREQ-017 @ERRATA-285 @needs-power @needs-network
    Scenario: The WINS server of a static IP address is defined at the appliance console
      Given the lab network is "office"
      And the LAN has no DHCP server
      And the appliance is plugged in and switched off
      When I press the power button
      And I enable static IP on the LAN 198.18.10.30 with netmask 255.255.255.000, gateway 198.18.10.1, DNS 198.18.10.53 and WINS server 198.18.10.60
      Then the screen shows "ACTIVATION CODE" within 2 minutes
      Given the "LAN WINS1" prompt is shown
      Then the field reads "198.018.010.060"

  Rule: Network Mode (2022)
    "By default when you deploy a Scanner Appliance it will be in IPv4+v6 network mode." The
    reset offers "RESET TO IPv6 ONLY MODE?" in IPv4+v6 mode. IPv6-only networks: see the options
    chart's IPv6-only part (complete-network-configuration).

    @fw-2022 @NREQ-018 @needs-platform
    Scenario: 2022: a new appliance is in IPv4+v6 mode: it has an IPv4 address and can be reset to IPv6-only mode
      Given the appliance has been activated by user "jdoe"
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 1 minute
      Given the "RESET NETWORK SETTINGS" menu item is shown
      When I press ENTER
      And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
      Then the screen shows "RESET TO IPv6 ONLY MODE?"

  Rule: Network Time Protocol (NTP) (2022)
    "The Scanner Appliance syncs the time from the Qualys SOC (Security Operations Center) for
    your account/location automatically. For this reason, there is nothing you need to configure
    for NTP."

    @fw-2022 @NREQ-021 @needs-platform
    Scenario: 2022: nothing to configure for NTP: the appliance reaches the platform, and no menu offers a time setting
      Given the appliance shows the ACTIVATION CODE screen
      Then no menu item of the appliance mentions "NTP"
      And no menu item of the appliance mentions "TIME"
