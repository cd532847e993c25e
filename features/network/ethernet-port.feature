@guide:ethernet-port
Feature: Ethernet Port Configuration
  "The Scanner Appliance uses Ethernet auto negotiation on scanning and management ports."
  "The Ethernet port links on the Appliance may be set to full-duplex 1GbaseT, 100baseT or
  10baseT, or half-duplex 100baseT or 10baseT. The LAN and WAN port links (for split network
  configuration) may be set. The port link configuration on the Scanner Appliance must match the
  same configuration on the link partners."
  "In the absence of auto negotiation, link syncing between link partners may not occur and the
  link may not come up. Consequently, the Scanner Appliance data transmission may be slow and there
  may be high packet loss, leading to unreliable scan results."
  "3 The LAN PORT LINK option is displayed along with the LAN port link setting in effect. Press
  the Right arrow to advance through the available port link settings.
  Tips - Use the Left arrow to advance through the settings in reverse order. To quit this
  procedure and return to SETUP NETWORK, press the Up arrow two times."
  "A change to an Ethernet port setting takes effect right away."

  @ETH-001 @ETH-007 @ETH-008 @ETH-012
  Scenario: ETHERNET PORT SETTINGS shows LAN PORT LINK with the setting in effect: auto negotiation
    Given the main menu is shown
    When I press ENTER
    And I press DOWN until "ETHERNET PORT SETTINGS" appears
    And I press ENTER
    Then the screen shows "LAN PORT LINK"
    And the field reads "AUTO"
    And no cursor is shown

  # The guide's table of settings, in the order the Right arrow advances through them from AUTO.
  @ETH-002 @ETH-009 @ETH-012 @ETH-013 @ETH-014 @ETH-015 @ETH-016 @ETH-017
  Scenario Outline: The Right arrow advances to setting <position>, <setting>: <description>
    Given the "LAN PORT LINK" prompt is shown
    When I scroll RIGHT to position <position> of the list
    Then the field reads "<setting>"

    Examples:
      | position | setting       | description                                        |
      | 1        | AUTO          | Auto negotiation                                   |
      | 2        | 1GbaseT/Full  | 1GbaseT (1 gigabit) full-duplex data transmission  |
      | 3        | 100baseT/Full | 100baseT full-duplex data transmission             |
      | 4        | 100baseT/Half | 100baseT half-duplex data transmission             |
      | 5        | 10baseT/Full  | 10baseT full-duplex data transmission              |
      | 6        | 10baseT/Half  | 10baseT half-duplex data transmission              |

  # "Use the Left arrow to advance through the settings in reverse order": the same table read
  # from its last row up, starting where the Right arrow ends.
  @ETH-010 @ETH-012 @ETH-013 @ETH-014 @ETH-015 @ETH-016 @ETH-017
  Scenario Outline: The Left arrow goes through the settings in reverse order: <position>, <setting>
    Given the "LAN PORT LINK" prompt is shown
    When I press RIGHT 5 times
    Then the field reads "10baseT/Half"
    When I scroll LEFT to position <position> of the list
    Then the field reads "<setting>"

    Examples:
      | position | setting       | description                                        |
      | 1        | 10baseT/Half  | 10baseT half-duplex data transmission              |
      | 2        | 10baseT/Full  | 10baseT full-duplex data transmission              |
      | 3        | 100baseT/Half | 100baseT half-duplex data transmission             |
      | 4        | 100baseT/Full | 100baseT full-duplex data transmission             |
      | 5        | 1GbaseT/Full  | 1GbaseT (1 gigabit) full-duplex data transmission  |
      | 6        | AUTO          | Auto negotiation                                   |

  @ETH-009 @ETH-010 @ERRATA-240
  Scenario: The settings go round: Right after the last setting shows AUTO, Left on AUTO the last setting
    Given the "LAN PORT LINK" prompt is shown
    When I press LEFT
    Then the field reads "10baseT/Half"
    When I press RIGHT
    Then the field reads "AUTO"

  @ETH-018 @ETH-019 @ETH-008 @ERRATA-241
  Scenario: ENTER asks REALLY SET LAN TO <value>; ENTER there stores the setting, which is then the one in effect
    Given the "LAN PORT LINK" prompt is shown
    When I press RIGHT 2 times
    And I press ENTER
    Then the screen shows "REALLY SET LAN TO 100baseT/Full"
    And the indicators are UP and ENTER
    When I press ENTER
    Then the screen shows "LAN PORT LINK"
    And the field reads "100baseT/Full"
    When I press UP 2 times
    Then the screen shows "SETUP NETWORK"
    When I press ENTER
    And I press DOWN until "ETHERNET PORT SETTINGS" appears
    And I press ENTER
    Then the screen shows "LAN PORT LINK"
    And the field reads "100baseT/Full"

  @ETH-018 @ETH-019 @ERRATA-241
  Scenario: The Up arrow at REALLY SET LAN TO <value> stores nothing and goes back to LAN PORT LINK
    Given the "LAN PORT LINK" prompt is shown
    When I press RIGHT 4 times
    And I press ENTER
    Then the screen shows "REALLY SET LAN TO 10baseT/Full"
    When I press UP
    Then the screen shows "LAN PORT LINK"
    When I press UP 2 times
    Then the screen shows "SETUP NETWORK"
    When I press ENTER
    And I press DOWN until "ETHERNET PORT SETTINGS" appears
    And I press ENTER
    Then the field reads "AUTO"

  @ETH-011 @ERRATA-019
  Scenario: The Up arrow two times quits the procedure for SETUP NETWORK, storing nothing
    Given the "LAN PORT LINK" prompt is shown
    When I press RIGHT 3 times
    Then the field reads "100baseT/Half"
    When I press UP
    Then the screen shows "LAN PORT LINK"
    When I press UP
    Then the screen shows "SETUP NETWORK"
    And the screen shows a menu item
    When I press ENTER
    And I press DOWN until "ETHERNET PORT SETTINGS" appears
    And I press ENTER
    Then the screen shows "LAN PORT LINK"
    And the field reads "AUTO"

  @ETH-003 @ETH-020 @ERRATA-241
  Scenario: Without split network configuration there is no WAN PORT LINK below LAN PORT LINK
    Given the "LAN PORT LINK" prompt is shown
    Then the indicators are UP, LEFT, RIGHT and ENTER
    And pressing DOWN does nothing
    And the screen shows "LAN PORT LINK"

  # "Press the Down arrow one time. The WAN PORT LINK option is displayed along with the WAN port
  # link setting in effect." Split network: DHCP on the WAN of the "split" lab network.
  @ETH-003 @ETH-020 @ETH-021 @ETH-022 @ETH-023 @ETH-012 @ETH-014 @needs-network
  Scenario: With split network configuration, one Down arrow shows WAN PORT LINK, set the same way
    Given the lab network is "split"
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    And the "ETHERNET PORT SETTINGS" menu item is shown
    And I press ENTER
    Then the screen shows "LAN PORT LINK"
    And the indicators are UP, DOWN, LEFT, RIGHT and ENTER
    When I press DOWN
    Then the screen shows "WAN PORT LINK"
    And the field reads "AUTO"
    When I press RIGHT 2 times
    Then the field reads "100baseT/Full"
    When I press ENTER
    Then the screen shows "REALLY SET WAN TO 100baseT/Full"
    When I press ENTER
    Then the screen shows "WAN PORT LINK"
    And the field reads "100baseT/Full"
    When I press UP 2 times
    Then the screen shows "SETUP NETWORK"
    When I press ENTER
    And I press DOWN until "ETHERNET PORT SETTINGS" appears
    And I press ENTER
    And I press DOWN
    Then the screen shows "WAN PORT LINK"
    And the field reads "100baseT/Full"

  @ETH-011 @ETH-021 @ERRATA-019 @needs-network
  Scenario: At WAN PORT LINK the Up arrow two times also quits for SETUP NETWORK
    Given the lab network is "split"
    And the "ENABLE DHCP ON WAN" menu item is shown
    When I press ENTER
    And I press ENTER
    And I review the confirmation messages
    And the "ETHERNET PORT SETTINGS" menu item is shown
    And I press ENTER
    And I press DOWN
    Then the screen shows "WAN PORT LINK"
    When I press RIGHT
    And I press UP
    Then the screen shows "WAN PORT LINK"
    When I press UP
    Then the screen shows "SETUP NETWORK"

  # "For example, if you have 100baseT full-duplex forced on devices, the same configuration must
  # be enabled on the Appliance." The switch port is forced while the appliance auto-negotiates:
  # the link is lossy (ERRATA-205) and the next poll of the platform fails; the matching setting
  # takes effect at once and the next poll succeeds.
  @ETH-004 @ETH-006 @ETH-024 @ETH-014 @ERRATA-205 @needs-virtual-time @needs-network @needs-platform
  Scenario: Forced 100baseT/Full on the switch: the appliance must match it, and the change takes effect right away
    Given the appliance has been activated by user "jdoe"
    And the switch port of the LAN is set to "100baseT/Full"
    Then the screen shows "COMMUNICATION FAILURE" within 5 minutes
    When the "ETHERNET PORT SETTINGS" menu item is shown
    And I press ENTER
    And I press RIGHT until "100baseT/Full" appears
    And I press ENTER
    Then the screen shows "REALLY SET LAN TO 100baseT/Full"
    When I press ENTER
    And I press UP 2 times
    And I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "is_jdoe" within 4 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  # Both sides forced to different speeds: no link at all (ERRATA-205), reported as the interface
  # being down: 2017 "LAN iface down" under NETWORK ERR 06 ("Using its boot time network
  # configuration"); 2022 "no CARRIER on LAN interface" (ERRATA-202). Setting the appliance to the
  # switch's setting takes effect right away: the next attempt (the next poll) reaches the platform.
  @ETH-004 @ETH-005 @ETH-024 @ERRATA-205 @ERRATA-202 @needs-virtual-time @needs-network @needs-platform
  Scenario Outline: Forced settings of different speeds on both sides: no link until the appliance matches the switch (<generation>)
    Given the appliance has been activated by user "jdoe"
    And the switch port of the LAN is set to "10baseT/Full"
    And the "LAN PORT LINK" prompt is shown
    When I press RIGHT until "100baseT/Full" appears
    And I press ENTER
    And I press ENTER
    And I press UP 2 times
    And I press DOWN until "SYSTEM REBOOT" appears
    And I press ENTER
    And I press ENTER
    Then the screen shows "<error>" within 5 minutes
    And the "ETHERNET PORT SETTINGS" menu item is shown
    When I press ENTER
    And I press RIGHT until "10baseT/Full" appears
    And I press ENTER
    Then the screen shows "REALLY SET LAN TO 10baseT/Full"
    When I press ENTER
    And I press UP 2 times
    And I press DOWN until "EXIT THIS MENU" appears
    And I press ENTER
    Then the screen shows "is_jdoe" within 4 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

    @fw-2017
    Examples: 2017
      | generation | error                         |
      | 2017       | NETWORK ERR 06 LAN iface down |

    @fw-2022
    Examples: 2022
      | generation | error                       |
      | 2022       | no CARRIER on LAN interface |
