@guide:changing-network-config
Feature: Changing the Network Configuration
  "When the Scanner Appliance has successfully connected to the network, the Appliance stores the
  network configuration settings. These settings will appear as default parameters in the Scanner
  Appliance user interface. You can make updates to the network configuration at any time using
  the Scanner Appliance interface."
  "For example, to change from DHCP on the LAN interface to a static IP address on the LAN
  interface, go to the SETUP NETWORK menu option and then press ENTER. Press the Down arrow until
  the ENABLE STATIC IP ON LAN menu option appears. Follow the prompts and enter the static IP
  configuration." ... "At the REALLY SET LAN STATIC NETWORK? prompt, press ENTER to confirm the
  change."
  "When a scan is in progress at the time of the configuration change, the scan task is cancelled
  and the message CANCELING THE ONGOING SCAN appears in the Scanner Appliance interface. This
  message is a reminder that a scan in progress will not complete, although partial scan results
  may be available. To avoid this situation check the "scan in progress" indicator (S1 LED) on
  the front panel prior to making changes to network settings."
  "A network error message indicates that the Scanner Appliance was not able to make a connection
  to the Qualys platform using the new network configuration." (2022: "An appliance
  configuration error indicates ...")
  After a change the appliance shows the change's own message where the guide names one, then
  CONTACTING QUALYS while it tries the platform, then the resulting screen (ERRATA-012).
  The office lab network: DHCP leases 198.18.10.20, gateway 198.18.10.1, DNS server 198.18.10.53.

  Rule: Stored settings are the defaults

    @CHG-001 @CHG-002 @STIP-006 @NREQ-016 @ERRATA-013 @needs-network @needs-platform
    Scenario: The settings the appliance connected with are the defaults of ENABLE STATIC IP ON LAN
      Given the LAN's DHCP server gives the WINS servers 198.18.10.91 and 198.18.10.92
      And the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "LAN IP ADDR"
      And the field reads "198.018.010.020"
      When I press ENTER
      Then the screen shows "LAN NETMASK"
      And the field reads "255.255.255.000"
      When I press ENTER
      Then the screen shows "LAN GATEWAY"
      And the field reads "198.018.010.001"
      When I press ENTER
      Then the screen shows "LAN DNS1"
      And the field reads "198.018.010.053"
      When I press ENTER
      Then the screen shows "LAN DNS2"
      And the field reads "000.000.000.000"
      When I press ENTER
      Then the screen shows "LAN WINS1"
      And the field reads "198.018.010.091"
      When I press ENTER
      Then the screen shows "LAN WINS2"
      And the field reads "198.018.010.092"

    @CHG-001 @CHG-002 @STIP-024 @NREQ-010 @NREQ-017 @ERRATA-013 @needs-network @needs-platform
    Scenario Outline: A static configuration is stored: after a restart it is in use and CHANGE STATIC IP ON LAN shows it
      Given the appliance has been activated by user "jdoe"
      And the LAN has no DHCP server
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.128 |
        | LAN GATEWAY                    | 198.18.10.1     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       | 198.18.10.54    |
        | LAN WINS1                      | 198.18.10.91    |
        | LAN WINS2                      | 198.18.10.92    |
        | <domain>                       | MYDOMAIN.COM    |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator
      When I go to the "SYSTEM REBOOT" menu option
      And I press ENTER
      And I press ENTER
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator
      When I go to the "CHANGE STATIC IP ON LAN" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "LAN IP ADDR"
      And the field reads "198.018.010.030"
      When I press ENTER
      Then the field reads "255.255.255.128"
      When I press ENTER
      Then the field reads "198.018.010.001"
      When I press ENTER
      Then the field reads "198.018.010.053"
      When I press ENTER
      Then the field reads "198.018.010.054"
      When I press ENTER
      Then the field reads "198.018.010.091"
      When I press ENTER
      Then the field reads "198.018.010.092"
      When I press ENTER
      Then the screen shows "<domain>"
      And the field reads "MYDOMAIN.COM"

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

    # A change is stored when it is confirmed, also when the attempt that follows fails, so that
    # the parameters behind the error can be reviewed and corrected (ERRATA-300).
    @CHG-001 @CHG-002 @STIP-024 @ERRATA-300 @needs-platform
    Scenario Outline: Parameters that led to an error are stored and shown for correction
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    | 255.255.255.000 |
        | LAN GATEWAY                    | 198.18.10.2     |
        | LAN DNS1                       | 198.18.10.53    |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
        | REALLY SET LAN STATIC NETWORK? |                 |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      When I go to the "CHANGE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry |
        | CFG LAN STATIC NETWORK PARAMS? |       |
        | LAN IP ADDR                    |       |
        | LAN NETMASK                    |       |
      Then the screen shows "LAN GATEWAY"
      And the field reads "198.018.010.002"
      When I answer the prompts in turn:
        | prompt                         | entry       |
        | LAN GATEWAY                    | 198.18.10.1 |
        | LAN DNS1                       |             |
        | LAN DNS2                       |             |
        | LAN WINS1                      |             |
        | LAN WINS2                      |             |
        | <domain>                       |             |
        | REALLY SET LAN STATIC NETWORK? |             |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

  Rule: Making a change

    @CHG-003 @CHG-004 @CHG-005 @STIP-004 @STIP-018 @ERRATA-012 @needs-platform
    Scenario Outline: From DHCP to a static IP address on the LAN, confirmed at REALLY SET LAN STATIC NETWORK?
      Given the appliance has been activated by user "jdoe"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      Then the screen shows "RENEW DHCP ON LAN"
      When I press DOWN until "ENABLE STATIC IP ON LAN" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry           |
        | CFG LAN STATIC NETWORK PARAMS? |                 |
        | LAN IP ADDR                    | 198.18.10.30    |
        | LAN NETMASK                    |                 |
        | LAN GATEWAY                    |                 |
        | LAN DNS1                       |                 |
        | LAN DNS2                       |                 |
        | LAN WINS1                      |                 |
        | LAN WINS2                      |                 |
        | <domain>                       |                 |
      Then the screen shows "REALLY SET LAN STATIC NETWORK?"
      When I press ENTER
      Then these messages appear in this order:
        """
        CONTACTING QUALYS
        is_jdoe
        """
      And "Filesystem check in progress..." was not shown
      And the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

    # Each change: CONTACTING QUALYS, then the screen the attempt leads to, never the boot-time
    # sequence (ERRATA-012). The proxy's own ENABLING PROXY SUPPORT is in proxy.feature.
    @CHG-003 @ERRATA-012 @needs-platform
    Scenario Outline: After <change> the appliance tries the platform and shows the result
      Given the appliance has been activated by user "jdoe"
      When I go to the "<option>" menu option
      And I press ENTER
      Then the screen shows "<confirmation>"
      When I press ENTER
      Then these messages appear in this order:
        """
        CONTACTING QUALYS
        is_jdoe
        """
      And "Filesystem check in progress..." was not shown
      And the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | change                           | option               | confirmation                 |
        | resetting the network            | RESET NETWORK CONFIG | REALLY RESET NETWORK CONFIG? |
        | entering VLAN 0000 (no VLAN)     | ENABLE VLAN ON LAN   | VLAN 0-4094                  |

      @fw-2022
      Examples: 2022
        | change                           | option                 | confirmation               |
        | resetting the network            | RESET NETWORK SETTINGS | REALLY RESET ALL SETTINGS? |
        | entering VLAN 0000 (no VLAN)     | ENABLE VLAN ON LAN     | VLAN 0-4094                |

  Rule: A change while a scan is in progress

    @CHG-006 @CHG-007 @CHG-008 @FP-007 @ERRATA-225 @needs-leds @needs-virtual-time @needs-platform
    Scenario Outline: A change made while S1 shows a scan in progress cancels the scan with CANCELING THE ONGOING SCAN
      Given the appliance has been activated by user "jdoe"
      And a scan of 30 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry        |
        | CFG LAN STATIC NETWORK PARAMS? |              |
        | LAN IP ADDR                    | 198.18.10.30 |
        | LAN NETMASK                    |              |
        | LAN GATEWAY                    |              |
        | LAN DNS1                       |              |
        | LAN DNS2                       |              |
        | LAN WINS1                      |              |
        | LAN WINS2                      |              |
        | <domain>                       |              |
        | REALLY SET LAN STATIC NETWORK? |              |
      Then these messages appear in this order:
        """
        CANCELING THE ONGOING SCAN
        CONTACTING QUALYS
        is_jdoe
        """
      And the S1 LED is off
      And the screen shows the name "is_jdoe", the IP address "198.18.10.30" and the platform indicator
      When 10 minutes pass
      Then the S1 LED is off

      @fw-2017
      Examples: 2017
        | domain      |
        | DOMAIN NAME |

      @fw-2022
      Examples: 2022
        | domain      |
        | WINS DOMAIN |

    @CHG-006 @CHG-007 @CHG-008 @ERRATA-225 @needs-leds @needs-virtual-time @needs-platform
    Scenario: A proxy enabled during a scan cancels it too
      Given the appliance has been activated by user "jdoe"
      And a scan of 30 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER until "REALLY ENABLE PROXY?" appears
      And I press ENTER
      Then these messages appear in this order:
        """
        CANCELING THE ONGOING SCAN
        ENABLING PROXY SUPPORT
        CONTACTING QUALYS
        """
      And the S1 LED is off

    # "the scan task is cancelled": it is over, and a scan launched afterwards runs its full time.
    @CHG-006 @CHG-007 @FP-007 @ERRATA-225 @needs-leds @needs-virtual-time @needs-platform
    Scenario: A cancelled scan is over: the next scan runs its full time
      Given the appliance has been activated by user "jdoe"
      And a scan of 20 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I press ENTER until "REALLY SET LAN STATIC NETWORK?" appears
      And I press ENTER
      Then the screen shows "CANCELING THE ONGOING SCAN"
      When I review the confirmation messages
      Then the S1 LED is off
      And the screen shows "is_jdoe"
      Given a scan of 60 minutes has been launched on the appliance
      Then the S1 LED is on within 4 minutes
      When 30 minutes pass
      Then the S1 LED is on

    @CHG-006 @CHG-008 @ERRATA-225 @needs-leds @needs-platform
    Scenario: With S1 off no scan is in progress: a change cancels nothing
      Given the appliance has been activated by user "jdoe"
      Then the S1 LED is off
      When I go to the "RENEW DHCP ON LAN" menu option
      And I press ENTER
      And I review the confirmation messages
      Then "CANCELING THE ONGOING SCAN" was not shown
      And the screen shows "is_jdoe"

  Rule: A network error after a change

    # 2017 code 10: "A user configured the LAN interface and this was saved with the network
    # settings. Then the Appliance attempted to make a connection to the Qualys Cloud Platform
    # using the saved network settings, and it failed." 2022 "LAN DNS server not reachable -
    # Ensure LAN interface has network connectivity to its configured DNS servers."
    @CHG-009 @CHG-010 @STIP-020 @STIP-021 @needs-platform
    Scenario Outline: A DNS server that does not exist: the appliance cannot connect with the new configuration
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE STATIC IP ON LAN" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                         | entry        |
        | CFG LAN STATIC NETWORK PARAMS? |              |
        | LAN IP ADDR                    | 198.18.10.30 |
        | LAN NETMASK                    |              |
        | LAN GATEWAY                    |              |
        | LAN DNS1                       | 198.18.10.99 |
        | LAN DNS2                       |              |
        | LAN WINS1                      |              |
        | LAN WINS2                      |              |
        | <domain>                       |              |
        | REALLY SET LAN STATIC NETWORK? |              |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | domain      | error                         |
        | DOMAIN NAME | NETWORK ERR 10 LAN DNS failed |

      @fw-2022
      Examples: 2022
        | domain      | error                        |
        | WINS DOMAIN | LAN DNS server not reachable |
