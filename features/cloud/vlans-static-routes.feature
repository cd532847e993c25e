@guide:vlan-portal @needs-portal @needs-platform
Feature: Configure VLANs / Static Routes using the Qualys UI
  "Configuring VLANs and static routes is supported using the Qualys UI. Just go to the appliances
  list (Scans > Appliances) and edit the Appliance settings. The VLANs and static routes you add
  are saved with your account information on the Qualys Cloud Platform."
  Older guide: "Up to 4094 VLANs and static routes can be added to each Scanner Appliance, as long
  as you are using the latest appliance software distribution."
  2022 guide: "You can add up to 4094 VLANs to devices with a serial number over 29000 and up to 99
  VLANs to devices with a serial number under 29000. Add up to 99 static routes." (each edition's
  portal keeps its own guide's limits: ERRATA-322; serial number 29000 itself: ERRATA-321)
  Both: "Don't see these settings? The VLAN trunking feature must be turned on for your account."
  Configure VLANs and Static Routes: "The Scanner Appliance supports VLAN trunking on the LAN
  interface for scanning traffic." "Up to 4094 VLANs and static routes can be defined using the
  Qualys web application." "How it works - The Scanner Appliance adds VLAN tag(s) to all scanning
  packets following the 802.1Q tagging protocol." "A VLAN that is defined using the Scanner
  Appliance UI is saved on the Appliance and can't be edited using the Qualys UI."
  Network requirements, VLAN Support: "1) If you have connected the LAN interface to a 802.1q
  trunked port and need your Scanner Appliance to use VLAN tags on the LAN default network, enter
  the VLAN tag number using the Appliance console. 2) For any Appliance, you can choose option 1)
  and also configure more VLANs (to be used for scanning) using the Qualys user interface."
  What a VLAN and a static route are made of, and how scan packets are routed with them:
  ERRATA-361. The VLAN set on the appliance's own UI in the wizard: ERRATA-362.
  The "trunk-scan" lab network: the LAN port on an 802.1Q trunk; untagged frames reach the office
  subnet 198.18.10.0/24 (DHCP leases 198.18.10.20, router 198.18.10.1); VLAN 100 carries
  198.18.100.0/24 (router 198.18.100.1, DNS 198.18.100.53, Internet access); VLANs 20 and 30 carry
  198.18.120.0/24 and 198.18.130.0/24.
  VLANs and routes added "at once" (the wizard's box for several entries): VLAN n on the n-th /28 of
  198.19.0.0/16, at 10 into it (VLAN 1: 198.19.0.26 on 198.19.0.16/28, gateway 198.19.0.17);
  static route n to the n-th /29 of 198.18.128.0/17 (route 99: 198.18.131.16/29; route 4094:
  198.18.255.232/29; VLAN 4094: 198.19.255.234 on 198.19.255.224/28).

  Rule: VLANs and static routes added in the Qualys UI reach the appliance

    @VLANP-002 @VLANP-003 @VLAN-001 @VLAN-004 @ERRATA-361 @needs-network
    Scenario: VLANs and a static route saved in the Appliance wizard tag the scan packets of the appliance's next scan
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 20 with the address 198.18.120.10 and netmask 255.255.255.0 named "engineering"
      And I add the VLAN 30 with the address 198.18.130.10 and netmask 255.255.255.0 named "research"
      And I add the static route "lab-40" to 198.18.40.0 netmask 255.255.255.0 through the gateway 198.18.120.1
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 2 VLANs
      And the Appliance wizard lists 1 static route
      When a scan of 198.18.120.50, 198.18.130.50, 198.18.40.7 and 198.18.77.5 is launched on the appliance
      Then the scan packets to "198.18.120.50" leave the LAN port tagged with VLAN 20 from "198.18.120.10"
      And the scan packets to "198.18.130.50" leave the LAN port tagged with VLAN 30 from "198.18.130.10"
      And the scan packets to "198.18.40.7" leave the LAN port tagged with VLAN 20 from "198.18.120.10"
      And the scan packets to "198.18.77.5" leave the LAN port untagged from "198.18.10.20"

    @VLANP-003 @VLAN-005 @ERRATA-361 @needs-network
    Scenario: The VLANs are kept on the platform, not on the appliance: after a restart the appliance uses them again, and its own VLAN option is unchanged
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 20 with the address 198.18.120.10 and netmask 255.255.255.0 named "engineering"
      And I save the appliance settings
      And I restart the appliance
      And a scan of 198.18.120.50 is launched on the appliance
      Then the scan packets to "198.18.120.50" leave the LAN port tagged with VLAN 20 from "198.18.120.10"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN
      Then the screen shows "ENABLE VLAN ON LAN"

    @VLANP-007
    Scenario: Without the VLAN trunking feature the wizard has no VLAN or static route settings
      Given the appliance has been activated by user "jdoe"
      And the VLAN trunking feature is off for the account
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      Then the Appliance wizard has no VLAN and static route settings
      And the Appliance wizard has IPv6 settings
      Given the VLAN trunking feature is on for the account
      When I edit the appliance "is_jdoe" in the portal
      Then the Appliance wizard has VLAN and static route settings

  Rule: A VLAN set on the appliance's own UI (option 1) and more VLANs in the Qualys UI (option 2)

    Background:
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      When I enable VLAN 100 on the LAN
      And I review the confirmation messages
      And I enable static IP on the LAN 198.18.100.30 with netmask 255.255.255.000, gateway 198.18.100.1 and DNS 198.18.100.53
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.100.30" and the platform indicator
      Given I am logged in to the portal as "acme_mgr"

    @VLAN-005 @ERRATA-362 @needs-network
    Scenario: The wizard shows the VLAN set on the appliance without a field to change it, and refuses it as one of its own VLANs
      When I edit the appliance "is_jdoe" in the portal
      Then the Appliance wizard shows the VLAN set on the appliance, 100, with no field to change it
      When I add the VLAN 100 with the address 198.18.100.40 and netmask 255.255.255.0 named "again"
      And I save the appliance settings
      Then the Appliance wizard refuses the VLANs, naming "100"
      And the Appliance wizard lists 1 VLAN

    @NREQ-008 @VLAN-004 @ERRATA-361 @needs-network
    Scenario: Option 1) and more VLANs from the Qualys UI: each subnet's scan packets carry their VLAN's tag
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 20 with the address 198.18.120.10 and netmask 255.255.255.0 named "engineering"
      And I add the VLAN 30 with the address 198.18.130.10 and netmask 255.255.255.0 named "research"
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      When a scan of 198.18.120.50, 198.18.130.50 and 198.18.77.5 is launched on the appliance
      Then the scan packets to "198.18.120.50" leave the LAN port tagged with VLAN 20 from "198.18.120.10"
      And the scan packets to "198.18.130.50" leave the LAN port tagged with VLAN 30 from "198.18.130.10"
      And the scan packets to "198.18.77.5" leave the LAN port tagged with VLAN 100 from "198.18.100.30"

  Rule: How many VLANs and static routes

    # One over the limit is refused first, then the limit is saved: the wizard is not reloaded with
    # thousands of rows in between.
    @VLANP-001 @VLANP-004 @ERRATA-322 @fw-2017 @many-rows @needs-network
    Scenario: Older guide - up to 4094 VLANs; 4095 are refused; the last of them reaches the appliance
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add 4095 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard refuses the VLANs, naming "4094"
      When I edit the appliance "is_jdoe" in the portal
      And I add 4094 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 4094 VLANs
      When a scan of 198.19.255.230 is launched on the appliance
      Then the scan packets to "198.19.255.230" leave the LAN port tagged with VLAN 4094 from "198.19.255.234"

    @VLANP-001 @VLANP-004 @ERRATA-322 @fw-2017 @many-rows @needs-network
    Scenario: Older guide - up to 4094 static routes; 4095 are refused; the last of them reaches the appliance
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 1 with the address 198.19.0.26 and netmask 255.255.255.240 named "routes"
      And I add 4095 static routes through the gateway 198.19.0.17 at once
      And I save the appliance settings
      Then the Appliance wizard refuses the static routes, naming "4094"
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 1 with the address 198.19.0.26 and netmask 255.255.255.240 named "routes"
      And I add 4094 static routes through the gateway 198.19.0.17 at once
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 4094 static routes
      When a scan of 198.18.255.233 and 198.18.255.241 is launched on the appliance
      Then the scan packets to "198.18.255.233" leave the LAN port tagged with VLAN 1 from "198.19.0.26"
      And the scan packets to "198.18.255.241" leave the LAN port untagged from "198.18.10.20"

    @VLANP-001 @VLANP-005 @ERRATA-322 @fw-2022 @many-rows @needs-stock
    Scenario: 2022 - a unit with a serial number over 29000 takes up to 4094 VLANs
      Given the unit on the bench has the serial number 29001
      And the appliance has been activated by user "jdoe"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add 4095 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard refuses the VLANs, naming "4094"
      When I edit the appliance "is_jdoe" in the portal
      And I add 4094 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 4094 VLANs

    @VLANP-005 @ERRATA-321 @fw-2022 @needs-stock
    Scenario Outline: 2022 - a unit with serial number <serial> (under 29000, or 29000 itself) takes up to 99 VLANs
      Given the unit on the bench has the serial number <serial>
      And the appliance has been activated by user "jdoe"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add 100 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard refuses the VLANs, naming "99"
      When I edit the appliance "is_jdoe" in the portal
      And I add 99 VLANs at once
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 99 VLANs

      Examples:
        | serial |
        | 28999  |
        | 29000  |

    # The 99th route goes through VLAN 20's gateway: its destination is scanned through VLAN 20 only
    # if the appliance picked up all 99.
    @VLANP-006 @ERRATA-322 @ERRATA-361 @fw-2022 @needs-network
    Scenario: 2022 - up to 99 static routes, whatever the serial number; the last of them reaches the appliance
      Given the appliance has been activated by user "jdoe"
      And the lab network is "trunk-scan"
      And I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add the VLAN 20 with the address 198.18.120.10 and netmask 255.255.255.0 named "engineering"
      And I add 99 static routes through the gateway 198.18.120.1 at once
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      And the Appliance wizard lists 99 static routes
      When I add the static route "one-more" to 198.18.40.0 netmask 255.255.255.0 through the gateway 198.18.120.1
      And I save the appliance settings
      Then the Appliance wizard refuses the static routes, naming "99"
      When a scan of 198.18.131.17 and 198.18.131.25 is launched on the appliance
      Then the scan packets to "198.18.131.17" leave the LAN port tagged with VLAN 20 from "198.18.120.10"
      And the scan packets to "198.18.131.25" leave the LAN port untagged from "198.18.10.20"

  Rule: Split network (2022): "In Split network configuration, WAN has special limited routes required for platform connections only. If WAN is needed to be used for scanning, then a static route is needed via WAN interface to the scan target host or network range."

    @SPLIT-010 @SPLIT-011 @ERRATA-363 @fw-2022 @needs-network
    Scenario: Targets outside the LAN are scanned through the LAN, until a static route through the WAN's gateway sends them through the WAN
      Given the appliance has been activated by user "jdoe"
      And the lab network is "split"
      When I enable DHCP on the WAN
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
      When a scan of 198.18.10.99, 198.18.50.7 and 198.18.20.99 is launched on the appliance
      Then the scan packets to "198.18.10.99" leave the LAN port untagged from "198.18.10.20"
      And the scan packets to "198.18.50.7" leave the LAN port untagged from "198.18.10.20"
      And the scan packets to "198.18.20.99" leave the LAN port untagged from "198.18.10.20"
      Given I am logged in to the portal as "acme_mgr"
      When I edit the appliance "is_jdoe" in the portal
      And I add the static route "through-wan" to 198.18.50.0 netmask 255.255.255.0 through the gateway 198.18.20.1
      And I save the appliance settings
      Then the Appliance wizard has saved the settings
      When a scan of 198.18.10.99 and 198.18.50.7 is launched on the appliance
      Then the scan packets to "198.18.50.7" leave the WAN port untagged from "198.18.20.20"
      And the scan packets to "198.18.10.99" leave the LAN port untagged from "198.18.10.20"
