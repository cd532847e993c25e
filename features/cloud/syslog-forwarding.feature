@guide:syslog-forwarding @needs-portal @needs-platform
Feature: Scanner Appliance Syslog Forwarding
  2022 guide: "You can automatically have scan related syslog messages (/var/log/messages syslog
  stream) forwarded from your scanner appliances to a remote syslog server that you define. This
  feature can be enabled for the subscription by any user with a Manager user role. Once enabled,
  syslog forwarding is on for all scanner appliances (virtual and physical) currently in the
  subscription and for new scanners that get added later."
  Prerequisites: "The remote syslog server you configure must be reachable from the scanner's LAN,
  native VLAN or WAN gateways." "You must be a Manager user to enable Syslog Forwarding."
  How to Enable Syslog Forwarding: "Open a browser and go to the platform URL where your account
  is located. Login to your account. A Manager account is required." "Select VM/VMDR or PC from
  the application picker. Then go to Scans > Setup > Syslog Forwarding." "Select the option Enable
  Syslog Forwarding and provide details for the remote syslog server, including the protocol (TCP
  or UDP), port number (default is 514), and either the IP address (IPv4 or IPv6) or DNS hostname.
  Then hit Save."
  The older guide has no such section.
  The lab's syslog server is a host of the lab network (198.18.10.60 on the office LAN unless a
  scenario says otherwise) for which a real UDP socket and TCP server on the suite's machine stand
  in; every message it receives is judged by a strict RFC 5424 parser (ERRATA-380). The appliances'
  default names are "is_<username>" of the user who activated them.

  Rule: Scans > Setup > Syslog Forwarding, for Managers

    @SYSL-006 @fw-2022
    Scenario: Syslog Forwarding is under Scans > Setup in VM/VMDR and in PC
      Given I am logged in to the portal as "acme_mgr"
      Then the applications offering "Scans > Setup > Syslog Forwarding" in the portal are exactly:
        | VM/VMDR |
        | PC      |

    @ERRATA-386 @fw-2017
    Scenario: The older portal offers no Syslog Forwarding in any application
      Given I am logged in to the portal as "acme_mgr"
      Then no application of the portal offers "Scans > Setup > Syslog Forwarding"

    @SYSL-006 @SYSL-007 @SYSL-008 @SYSL-009 @SYSL-010 @ERRATA-383 @fw-2022
    Scenario Outline: In <application>, the page has the option, the protocols, the port (514 by default) and the server
      Given I am logged in to the portal as "acme_mgr"
      When I select "<application>" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      Then the portal shows the "Syslog Forwarding" page
      And the protocols offered are exactly:
        | TCP |
        | UDP |
      And the syslog forwarding form shows:
        | Enable Syslog Forwarding | not selected |
        | Protocol                 |              |
        | Port                     | 514          |
        | Syslog server            |              |

      Examples:
        | application |
        | VM/VMDR     |
        | PC          |

    @SYSL-002 @SYSL-007 @SYSL-008 @SYSL-010 @ERRATA-383 @fw-2022
    Scenario: Any Manager enables it for the subscription; another Manager sees the settings, in the other application
      Given I am logged in to the portal as "mmiller"
      When I select "VM/VMDR" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      And I select the option "Enable Syslog Forwarding"
      And I provide the syslog server "198.18.10.60", protocol TCP and port "1514"
      And I hit Save
      Then the syslog forwarding settings are saved
      When I log out of the portal
      And I log in to the portal as "acme_qa"
      And I select "PC" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      Then the syslog forwarding form shows:
        | Enable Syslog Forwarding | selected     |
        | Protocol                 | TCP          |
        | Port                     | 1514         |
        | Syslog server            | 198.18.10.60 |

    @SYSL-005 @ERRATA-381 @fw-2022
    Scenario Outline: A <role> cannot enable Syslog Forwarding
      Given I am logged in to the portal as "<user>"
      When I select "VM/VMDR" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      Then the portal shows the alert "You must be a Manager user to enable Syslog Forwarding."
      And the portal offers no "Enable Syslog Forwarding" option

      Examples:
        | role         | user    |
        | Unit Manager | ops_um  |
        | Unit Manager | lab_um  |
        | Reader       | auditor |

    @SYSL-009 @SYSL-010 @ERRATA-382 @fw-2022
    Scenario Outline: <what> is refused next to the <field> field, keeping what was entered
      Given I am logged in to the portal as "acme_mgr"
      When I select "VM/VMDR" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      And I select the option "Enable Syslog Forwarding"
      And I provide the syslog server "<server>", protocol UDP and port "<port>"
      And I hit Save
      Then the portal refuses the "<field>" field, keeping what I entered
      When I go to "Scans > Setup > Syslog Forwarding" in the portal
      Then the syslog forwarding form shows:
        | Enable Syslog Forwarding | not selected |
        | Protocol                 |              |
        | Port                     | 514          |
        | Syslog server            |              |

      Examples:
        | what                                    | server               | port  | field         |
        | Port 0                                  | 198.18.10.60         | 0     | Port          |
        | Port 65536                              | 198.18.10.60         | 65536 | Port          |
        | A port that is not a number             | 198.18.10.60         | 5l4   | Port          |
        | An IPv4 address with an octet over 255  | 198.18.10.256        | 514   | Syslog server |
        | A malformed IPv6 address                | 2001:db8::10::60     | 514   | Syslog server |
        | A host name with an underscore          | syslog_01.lab.test   | 514   | Syslog server |
        | A URL instead of a host                 | udp://198.18.10.60   | 514   | Syslog server |
        | No server                               |                      | 514   | Syslog server |

  Rule: Scan related messages reach the syslog server

    @SYSL-001 @SYSL-007 @SYSL-008 @ERRATA-380 @ERRATA-384 @fw-2022 @needs-network
    Scenario Outline: Over <protocol>, the messages of a scan arrive in RFC 5424 with the appliance's name as HOSTNAME
      Given the appliance has been activated by user "jdoe"
      And a syslog server listens on UDP and TCP port 514 at 198.18.10.60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "198.18.10.60" over <protocol> port 514
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the appliance has scanned 198.18.10.99
      And the syslog server receives RFC 5424 messages over <protocol> from "is_jdoe"

      Examples:
        | protocol |
        | UDP      |
        | TCP      |

    @SYSL-009 @ERRATA-383 @fw-2022 @needs-network
    Scenario: A Port left blank is the default port 514
      Given the appliance has been activated by user "jdoe"
      And a syslog server listens on UDP port 514 at 198.18.10.60
      And I am logged in to the portal as "acme_mgr"
      When I select "VM/VMDR" from the application picker
      And I go to "Scans > Setup > Syslog Forwarding" in the portal
      And I select the option "Enable Syslog Forwarding"
      And I provide the syslog server "198.18.10.60", protocol UDP and port ""
      And I hit Save
      Then the syslog forwarding settings are saved
      And the syslog forwarding form shows:
        | Port | 514 |
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the syslog server receives RFC 5424 messages over UDP from "is_jdoe"

    @SYSL-010 @fw-2022 @needs-network
    Scenario: The server given by its DNS hostname
      Given the appliance has been activated by user "jdoe"
      And a syslog server listens on TCP port 514 at 198.18.10.60
      And the DNS servers resolve "syslog.lab.test" to 198.18.10.60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "syslog.lab.test" over TCP port 514
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the syslog server receives RFC 5424 messages over TCP from "is_jdoe"

    @SYSL-010 @fw-2022 @needs-network
    Scenario: The server given by its IPv6 address, to an appliance in IPv6-only mode
      Given the lab network is "dual-stack"
      And the appliance has been activated by user "jdoe"
      And the appliance has been reset to IPv6-only mode
      And a syslog server listens on UDP port 514 at 2001:db8:10::60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "2001:db8:10::60" over UDP port 514
      When a scan of 2 minutes of 2001:db8:10::99 is launched on the appliance
      And 6 minutes pass
      Then the appliance has scanned 2001:db8:10::99
      And the syslog server receives RFC 5424 messages over UDP from "is_jdoe"

    @SYSL-003 @ERRATA-384 @needs-fleet @fw-2022 @needs-network
    Scenario: Every appliance of the subscription forwards: physical and virtual, there when enabled and added later
      Given a syslog server listens on UDP port 514 at 198.18.10.60
      And the appliance has been activated by user "jdoe"
      And another virtual appliance has been activated by user "acme_qa"
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "198.18.10.60" over UDP port 514
      And another physical appliance has been activated by user "mmiller"
      And another virtual appliance has been activated by user "acme_mgr"
      When a scan of 2 minutes of 198.18.10.99 is launched on every appliance of the subscription
      And 10 minutes pass
      Then the syslog server receives messages from each of:
        | is_jdoe     |
        | is_acme_qa  |
        | is_mmiller  |
        | is_acme_mgr |

    @SYSL-007 @ERRATA-384 @fw-2022 @needs-network
    Scenario: Cleared, the option stops the forwarding at the appliances' next contact
      Given the appliance has been activated by user "jdoe"
      And a syslog server listens on UDP port 514 at 198.18.10.60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "198.18.10.60" over UDP port 514
      When I clear the option "Enable Syslog Forwarding"
      And I hit Save
      Then the syslog forwarding settings are saved
      When 4 minutes pass
      And a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the appliance has scanned 198.18.10.99
      And the syslog server has received no message

  Rule: The server must be reachable from the scanner's LAN, native VLAN or WAN gateways

    @SYSL-004 @ERRATA-385 @fw-2022 @needs-network
    Scenario Outline: A server <where> <what>
      Given the appliance has been activated by user "jdoe"
      And the LAN's router forwards to <forwarding>
      And a syslog server listens on UDP port 514 at <server>
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "<server>" over UDP port 514
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the appliance has scanned 198.18.10.99
      And the syslog server <outcome>

      Examples:
        | where                                  | what              | forwarding         | server       | outcome                                          |
        | on the LAN's own subnet                | gets the messages | no other network   | 198.18.10.60 | receives RFC 5424 messages over UDP from "is_jdoe" |
        | the LAN's gateway forwards to          | gets the messages | the other networks | 198.18.20.60 | receives RFC 5424 messages over UDP from "is_jdoe" |
        | the LAN's gateway does not forward to  | gets nothing      | no other network   | 198.18.20.60 | has received no message                          |

    @SYSL-004 @ERRATA-385 @fw-2022 @needs-network
    Scenario: A server only the WAN's gateway reaches gets the messages in a split network
      Given the appliance has been activated by user "jdoe"
      And the LAN's router forwards to no other network
      And the WAN cable is plugged in
      When I enable DHCP on the WAN
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes
      Given a syslog server listens on UDP port 514 at 198.18.20.60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "198.18.20.60" over UDP port 514
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the appliance has scanned 198.18.10.99
      And the syslog server receives RFC 5424 messages over UDP from "is_jdoe"

  Rule: Nothing secret leaves in a message

    @SYSL-001 @ERRATA-380 @fw-2022 @needs-network
    Scenario: Behind a proxy with authentication, no forwarded message carries the proxy password
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      And the proxy asks for Basic authentication as "scanner" with the password named "proxy-basic"
      When I enable proxy support through 198.18.10.8 port 3128 as user "scanner" with the password named "proxy-basic"
      Then the screen shows the name "is_jdoe" and the LAN IP address 198.18.10.20 within 2 minutes
      Given a syslog server listens on TCP port 514 at 198.18.10.60
      And syslog forwarding has been enabled in the portal by "acme_mgr" to "198.18.10.60" over TCP port 514
      When a scan of 2 minutes of 198.18.10.99 is launched on the appliance
      And 6 minutes pass
      Then the syslog server receives RFC 5424 messages over TCP from "is_jdoe"
      And no syslog message contains the proxy password
