@guide:ipv6-scanning @needs-portal @needs-network @needs-platform
Feature: Configure IPv6 Address for Scanning
  "You have the option to configure the Scanner Appliance with an IPv6 address on the LAN
  interface - this will be used for scanning IPv6 hosts."
  "How it works - Once configured scanning traffic will be routed through the LAN interface - LAN
  IPv4 for scanning IPv4 hosts, and LAN IPv6 for scanning IPv6 hosts."
  A few things to consider: "You must configure an IPv4 address on the LAN interface (using DHCP
  or a static IP)." "Be sure your Scanner Appliance has successfully connected to the Qualys Cloud
  Platform." "The IPv6 Scanning feature must be enabled for your subscription."
  Tell me the steps: "2 Go to Scans > Appliances and edit your Scanner Appliance. You'll see the
  Appliance wizard." "3 Under LAN settings select "Enable IPv6 for this scanner". You can choose
  "Automatically" and we'll do IP assignment through router advertisement, or choose "Static" and
  assign a static IP address." "Don't see these settings? This means IPv6 Scanning is not turned on
  for your account." "4 Be sure to save the Appliance settings."
  2022 guide: "This applies when you're in the default IPv4+v6 mode."
  The conditions are checked when the settings are saved (ERRATA-325); what Static asks for, and
  what Automatically does without router advertisements: ERRATA-364; Save: ERRATA-365.
  The "dual-stack" lab network: DHCP leases the LAN 198.18.10.20; router advertisements on the
  LAN's subnet 2001:db8:10::/64 (router 2001:db8:10::1) give the address 2001:db8:10::20.

  Background:
    Given the appliance has been activated by user "jdoe"
    And the lab network is "dual-stack"

  Rule: "Enable IPv6 for this scanner": Automatically or Static

    @V6S-001 @V6S-002 @V6S-007 @V6S-008 @V6S-009 @V6S-011 @ERRATA-364
    Scenario: Automatically - IPv6 hosts are scanned from the address router advertisements give, IPv4 hosts from the LAN's IPv4 address
      When a scan of 198.18.10.99 and 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "198.18.10.99" leave the LAN port untagged from "198.18.10.20"
      And the scan packets to "2001:db8:10::99" are not sent
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      When a scan of 198.18.10.99 and 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" leave the LAN port untagged from "2001:db8:10::20"
      And the scan packets to "198.18.10.99" leave the LAN port untagged from "198.18.10.20"

    @V6S-001 @V6S-002 @V6S-009 @V6S-011 @ERRATA-364
    Scenario: Static - IPv6 hosts are scanned from the address assigned in the wizard
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner with the static address "2001:db8:10::30", prefix length 64 and gateway "2001:db8:10::1"
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      When a scan of 2001:db8:10::99 and 198.18.10.99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" leave the LAN port untagged from "2001:db8:10::30"
      And the scan packets to "198.18.10.99" leave the LAN port untagged from "198.18.10.20"

    @V6S-009 @ERRATA-364
    Scenario: Automatically takes its address from router advertisements: on a LAN without them, no IPv6 host is scanned until a static address is assigned
      Given the LAN has no automatic IPv6 address assignment
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      And a scan of 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" are not sent
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner with the static address "2001:db8:10::30", prefix length 64 and gateway "2001:db8:10::1"
      And I save the appliance settings
      And a scan of 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" leave the LAN port untagged from "2001:db8:10::30"

    @V6S-011 @ERRATA-365
    Scenario: Settings left without saving do not reach the appliance
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I leave the Appliance wizard without saving
      And a scan of 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" are not sent
      When I edit the appliance "is_jdoe" in the portal
      Then "Enable IPv6 for this scanner" is not selected in the Appliance wizard

    @V6S-002 @V6S-003
    Scenario: Management traffic stays on the LAN's IPv4 interface: with IPv6 scanning on, a platform reached only over IPv6 is lost
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      And a scan of 2001:db8:10::99 is launched on the appliance
      Then the scan packets to "2001:db8:10::99" leave the LAN port untagged from "2001:db8:10::20"
      Given the DNS servers resolve the platform URL to its IPv6 address only
      Then the screen shows "COMMUNICATION FAILURE" within 10 minutes

  Rule: A few things to consider

    # The "split" lab network: the WAN (DHCP 198.18.20.20) reaches the platform; the LAN's subnet
    # has no DHCP server, so after a restart the LAN has no IPv4 address.
    @V6S-004 @ERRATA-325
    Scenario: An appliance connected through the WAN with no IPv4 address on its LAN is refused IPv6 for scanning
      Given the lab network is "split"
      When I enable DHCP on the WAN
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      Given the LAN has no DHCP server
      When I restart the appliance
      Then the screen shows "is_jdoe" within 4 minutes
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      Then the Appliance wizard refuses the IPv6 settings

    @V6S-006 @V6S-010
    Scenario: Without the IPv6 Scanning feature the wizard has no IPv6 settings
      Given the IPv6 Scanning feature is off for the account
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      Then the Appliance wizard has no IPv6 settings
      And the Appliance wizard has VLAN and static route settings

    @V6S-005 @ERRATA-325 @needs-fleet
    Scenario: An appliance that has not yet connected to the platform is refused IPv6 until it has
      Given another appliance has been switched on and activated by user "mmiller"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_mmiller" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      Then the Appliance wizard refuses the IPv6 settings
      When 10 minutes pass
      And I save the appliance settings
      Then the Appliance wizard has saved the settings

    @V6S-004 @V6S-012 @ERRATA-325 @fw-2022
    Scenario: 2022 - in IPv6-only mode (no IPv4 address on the LAN) IPv6 for the scanner is refused
      Given the appliance has been reset to IPv6-only mode
      Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I enable IPv6 for this scanner automatically
      And I save the appliance settings
      Then the Appliance wizard refuses the IPv6 settings
