@guide:switch-modes @fw-2022
Feature: Switch Between Modes (2022)
  "Easily switch between IPv4+v6 and IPv6-only network modes. When you're in IPv6-only mode,
  you'll see the option to reset to IPv4+v6 mode. When you're in IPv4+v6 mode, you'll see the
  option to reset to IPv6-only mode."
  "Switch from IPv6-only to IPv4+v6 mode: 1 Go to the SETUP NETWORK menu option and press ENTER.
  2 Press the Down arrow to advance through the menu options. When the RESET NETWORK SETTINGS menu
  option appears, press ENTER. 3 Press the Down arrow to advance through the menu options. When the
  RESET TO IPv4+v6 MODE? menu option appears, press ENTER to continue. Or press the Up arrow to quit
  this procedure and return to the SETUP NETWORK menu."

  The lab's "dual-stack" network: DHCP leases 198.18.10.20, router advertisements give
  2001:db8:10::20; the platform answers on both.

  # The options under RESET NETWORK SETTINGS are menu options: they stop at the last (ERRATA-005,
  # ERRATA-244).
  @MODE-003 @ERRATA-005 @ERRATA-244
  Scenario: In IPv4+v6 mode the option below REALLY RESET ALL SETTINGS? is to reset to IPv6-only mode, and it is the last
    Given the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    Then the screen shows "REALLY RESET ALL SETTINGS?"
    And the indicators are UP, DOWN and ENTER
    When I press DOWN
    Then the screen shows "RESET TO IPv6 ONLY MODE?"
    And the indicators are UP and ENTER
    And pressing DOWN does nothing
    And the screen does not show "RESET TO IPv4+v6 MODE?"

  @MODE-002 @ERRATA-005 @ERRATA-244 @needs-network
  Scenario: In IPv6-only mode the option below REALLY RESET ALL SETTINGS? is to reset to IPv4+v6 mode, and it is the last
    Given the lab network is "dual-stack"
    And the appliance has been reset to IPv6-only mode
    And the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    Then the screen shows "REALLY RESET ALL SETTINGS?"
    When I press DOWN
    Then the screen shows "RESET TO IPv4+v6 MODE?"
    And the indicators are UP and ENTER
    And pressing DOWN does nothing
    And the screen does not show "RESET TO IPv6 ONLY MODE?"

  @MODE-001 @MODE-004 @needs-network @needs-platform
  Scenario: RESET TO IPv4+v6 MODE? switches back: IPv4 address again, and the IPv4 and split network options
    Given the lab network is "dual-stack"
    And the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the appliance has been activated by user "jdoe"
    And the appliance has been reset to IPv6-only mode
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET NETWORK SETTINGS" appears
    And I press ENTER
    And I press DOWN until "RESET TO IPv4+v6 MODE?" appears
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    Then the menu options from here down include:
      | RENEW DHCP ON LAN       |
      | ENABLE STATIC IP ON LAN |
      | ENABLE WAN INTERFACE    |
    And no menu option from here down is "RENEW AUTO IPv6 ON LAN?"

  @MODE-004 @needs-network @needs-platform
  Scenario: The Up arrow at RESET TO IPv4+v6 MODE? quits for SETUP NETWORK: the mode stays IPv6-only
    Given the lab network is "dual-stack"
    And the appliance has been activated by user "jdoe"
    And the appliance has been reset to IPv6-only mode
    And the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET TO IPv4+v6 MODE?" appears
    And I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"

  # "When the RESET TO**1Pv6 ONLY MODE? menu option appears" is the same option as "RESET TO IPv6
  # ONLY MODE?" of "Enable IPv6-only Mode" (ERRATA-243).
  @MODE-001 @MODE-005 @ERRATA-243 @needs-network @needs-platform
  Scenario: RESET TO IPv6 ONLY MODE? switches from IPv4+v6 to IPv6-only mode
    Given the lab network is "dual-stack"
    And the appliance has been activated by user "jdoe"
    Then the screen shows "is_jdoe"
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET NETWORK SETTINGS" appears
    And I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    And I press ENTER
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe" and the IPv6 address "2001:db8:10::20"
    Given the "SETUP NETWORK" menu item is shown
    When I press ENTER
    Then the menu options from here down include:
      | RENEW AUTO IPv6 ON LAN?    |
      | ENABLE STATIC IPv6 ON LAN? |
    And no menu option from here down is "ENABLE WAN INTERFACE"

  @MODE-005 @ERRATA-243 @ERRATA-019 @needs-network @needs-platform
  Scenario: The Up arrow at RESET TO IPv6 ONLY MODE? quits for SETUP NETWORK: the mode stays IPv4+v6
    Given the lab network is "dual-stack"
    And the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the appliance has been activated by user "jdoe"
    And the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    And I press UP
    Then the screen shows "SETUP NETWORK"
    When I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
