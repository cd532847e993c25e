@guide:lan-netmask @arrows
Feature: Tell me about LAN Netmask
  "When entering static network parameters, you will notice that the cursor does not appear
  after the LAN NETMASK prompt and you cannot enter characters in the entry field. At first, the
  netmask "255.255.255.000" appears. Use the Up and Down arrows to scroll through valid netmasks.
  When the appropriate netmask value appears, press ENTER to confirm."
  "If you press the Down arrow, the values appear in this order: "255.255.255.000",
  "255.255.254.000", "255.255.252.000... If you press the Up arrow, the values appear in this
  order: "255.255.255.000", "255.255.255.128", "255.255.255.192"..."

  @MASK-001
  Scenario: The netmask field shows no cursor and takes no characters
    Given the "LAN NETMASK" field shows "255.255.255.000"
    Then no cursor is shown
    And the indicators are UP, DOWN and ENTER
    When I press LEFT
    And I press RIGHT
    Then the field reads "255.255.255.000"
    And no cursor is shown

  @MASK-002 @needs-network
  Scenario: At first the netmask 255.255.255.000 appears
    Given the LAN has no DHCP server
    And the "LAN NETMASK" prompt is shown
    Then the field reads "255.255.255.000"

  @MASK-002 @needs-network
  Scenario: With a DHCP lease the LAN NETMASK field also starts at 255.255.255.000
    Given the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the "LAN NETMASK" prompt is shown
    Then the field reads "255.255.255.000"

  @MASK-004
  Scenario: The Down arrow shows 255.255.255.000, 255.255.254.000, 255.255.252.000 ...
    Given the "LAN NETMASK" field shows "255.255.255.000"
    Then the field reads "255.255.255.000"
    When I press DOWN
    Then the field reads "255.255.254.000"
    When I press DOWN
    Then the field reads "255.255.252.000"

  @MASK-005
  Scenario: The Up arrow shows 255.255.255.000, 255.255.255.128, 255.255.255.192 ...
    Given the "LAN NETMASK" field shows "255.255.255.000"
    Then the field reads "255.255.255.000"
    When I press UP
    Then the field reads "255.255.255.128"
    When I press UP
    Then the field reads "255.255.255.192"

  @MASK-004 @MASK-005
  Scenario: The list wraps around both ways
    Given the "LAN NETMASK" field shows "255.255.255.000"
    When I press DOWN 29 times
    Then the field reads "255.255.255.128"
    When I press DOWN
    Then the field reads "255.255.255.000"
    When I press UP 30 times
    Then the field reads "255.255.255.000"
    When I press UP
    Then the field reads "255.255.255.128"

  @MASK-003 @ERRATA-013
  Scenario: The netmask confirmed with ENTER is the one the field shows when revisited
    Given the "LAN NETMASK" prompt is shown
    When I press DOWN until "255.255.000.000" appears
    And I press ENTER
    Then the screen shows "LAN GATEWAY"
    When I press ENTER until "REALLY SET LAN STATIC NETWORK?" appears
    And I press ENTER
    And I go back to the "LAN NETMASK" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "255.255.000.000"
    And no cursor is shown

  # "Scrolling netmask values in the Netmask field": position 1 is the netmask shown first; each
  # press of the Down arrow shows the next one.
  @fw-2017 @MASK-006 @MASK-003 @MASK-004
  Scenario Outline: Netmask <order> of the 2017 table is <netmask>
    Given the "LAN NETMASK" field shows "255.255.255.000"
    When I scroll DOWN to position <order> of the list
    Then the field reads "<netmask>"
    And no cursor is shown

    Examples: Order (ascending) and Netmask value, as the table prints them
      | order | netmask         |
      | 1     | 255.255.255.000 |
      | 2     | 255.255.254.000 |
      | 3     | 255.255.252.000 |
      | 4     | 255.255.248.000 |
      | 5     | 255.255.240.000 |
      | 6     | 255.255.224.000 |
      | 7     | 255.255.192.000 |
      | 9     | 255.255.000.000 |
      | 10    | 255.254.000.000 |
      | 11    | 255.252.000.000 |
      | 12    | 255.248.000.000 |
      | 13    | 255.240.000.000 |
      | 14    | 255.224.000.000 |
      | 15    | 255.192.000.000 |
      | 16    | 255.128.000.000 |
      | 17    | 255.000.000.000 |
      | 18    | 254.000.000.000 |
      | 19    | 252.000.000.000 |
      | 20    | 248.000.000.000 |
      | 22    | 224.000.000.000 |
      | 23    | 192.000.000.000 |
      | 24    | 128.000.000.000 |
      | 25    | 255.255.255.252 |
      | 26    | 255.255.255.248 |
      | 27    | 255.255.255.240 |
      | 28    | 255.255.255.224 |
      | 29    | 255.255.255.192 |
      | 30    | 255.255.255.128 |

    # ERRATA-002: the table numbers its eighth row "3 255.255.128.000", and prints
    # "21 255.000.000.000", which would show 255.000.000.000 twice (it is order 17) and never
    # the /4 netmask: row 21 is 240.000.000.000.
    @ERRATA-002
    Examples: Rows the table misprints
      | order | netmask         |
      | 8     | 255.255.128.000 |
      | 21    | 240.000.000.000 |

  # The 2022 table gives each netmask's prefix and reads down the first column (/24 to /10),
  # then down the second (/9 to /1, then /30 to /25): position is that reading order.
  @fw-2022 @MASK-007 @MASK-003 @MASK-004
  Scenario Outline: Netmask <prefix> of the 2022 table is <netmask>
    Given the "LAN NETMASK" field shows "255.255.255.000"
    When I scroll DOWN to position <position> of the list
    Then the field reads "<netmask>"
    And no cursor is shown

    Examples: Prefix and Netmask value, as the table prints them
      | position | prefix | netmask         |
      | 1        | /24    | 255.255.255.000 |
      | 2        | /23    | 255.255.254.000 |
      | 3        | /22    | 255.255.252.000 |
      | 4        | /21    | 255.255.248.000 |
      | 5        | /20    | 255.255.240.000 |
      | 6        | /19    | 255.255.224.000 |
      | 7        | /18    | 255.255.192.000 |
      | 8        | /17    | 255.255.128.000 |
      | 9        | /16    | 255.255.000.000 |
      | 10       | /15    | 255.254.000.000 |
      | 11       | /14    | 255.252.000.000 |
      | 12       | /13    | 255.248.000.000 |
      | 13       | /12    | 255.240.000.000 |
      | 14       | /11    | 255.224.000.000 |
      | 15       | /10    | 255.192.000.000 |
      | 16       | /9     | 255.128.000.000 |
      | 17       | /8     | 255.000.000.000 |
      | 18       | /7     | 254.000.000.000 |
      | 19       | /6     | 252.000.000.000 |
      | 20       | /5     | 248.000.000.000 |
      | 22       | /3     | 224.000.000.000 |
      | 23       | /2     | 192.000.000.000 |
      | 24       | /1     | 128.000.000.000 |
      | 25       | /30    | 255.255.255.252 |
      | 26       | /29    | 255.255.255.248 |
      | 27       | /28    | 255.255.255.240 |
      | 28       | /27    | 255.255.255.224 |
      | 29       | /26    | 255.255.255.192 |
      | 30       | /25    | 255.255.255.128 |

    # ERRATA-002: the table prints "/4 255.000.000.000"; the /4 netmask is 240.000.000.000
    # (255.000.000.000 is /8).
    @ERRATA-002
    Examples: The row the table misprints
      | position | prefix | netmask         |
      | 21       | /4     | 240.000.000.000 |
