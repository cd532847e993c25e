@guide:ipv4-addresses @arrows
Feature: Entering Information - IP Addresses (2017) / IPv4 Addresses (2022)
  "Entry fields for IP addresses are pre-filled with values in this format: nnn.nnn.nnn.nnn
  The IP address format displays values for each character position in all octets. When
  entering an IP address, you replace the three "n" digits for each octet as appropriate. If an
  octet has less than three digits, then the octet must include leading zeros. For example, to
  specify the IP address "194.55.176.2", you input the IP address as "194.055.176.002"."
  (The 2022 edition prints the format as "nnn.nnn.nnn": ERRATA-033.)

  @IP4-001 @IP4-002 @ERRATA-033
  Scenario Outline: The <prompt> field is pre-filled in the format nnn.nnn.nnn.nnn
    Given the "<prompt>" prompt is shown
    Then the field reads a value in the format "nnn.nnn.nnn.nnn"
    And the cursor is under character 1 of the field

    Examples: LAN static IP address configuration
      | prompt      |
      | LAN IP ADDR |
      | LAN GATEWAY |
      | LAN DNS1    |
      | LAN DNS2    |
      | LAN WINS1   |
      | LAN WINS2   |

    Examples: WAN static IP address configuration
      | prompt      |
      | WAN IP ADDR |
      | WAN GATEWAY |
      | WAN DNS1    |
      | WAN DNS2    |

  @fw-2017 @IP4-001 @IP4-002
  Scenario: The proxy IP ADDRESS field is pre-filled in the format nnn.nnn.nnn.nnn
    Given the "IP ADDRESS" prompt is shown
    Then the field reads a value in the format "nnn.nnn.nnn.nnn"

  @IP4-001 @IP4-002 @ERRATA-033 @needs-network
  Scenario: With no address known the LAN IP ADDR field is still pre-filled in every position
    Given the LAN has no DHCP server
    And the "LAN IP ADDR" prompt is shown
    Then the field reads a value in the format "nnn.nnn.nnn.nnn"

  @IP4-002 @IP4-004 @needs-network
  Scenario: Octets of fewer than three digits are shown with leading zeros
    Given the LAN has a DHCP server that leases 198.18.10.20 with gateway 198.18.10.1 and DNS server 198.18.10.53
    And the "LAN IP ADDR" prompt is shown
    Then the field reads "198.018.010.020"
    When I press ENTER 2 times
    Then the screen shows "LAN GATEWAY"
    And the field reads "198.018.010.001"

  @IP4-003 @ERRATA-042
  Scenario: The cursor moves over the three digits of each octet and skips the periods
    Given the "LAN WINS1" prompt is shown
    When I key in "000.000.000.000" at the "LAN WINS1" prompt
    And I press LEFT 11 times
    Then the cursor is under character 1 of the field
    And the indicators are UP, DOWN, RIGHT and ENTER
    When I press UP
    Then the field reads "100.000.000.000"
    When I press RIGHT 3 times
    Then the cursor is under character 5 of the field
    When I press UP 2 times
    Then the field reads "100.200.000.000"
    When I press RIGHT 8 times
    Then the cursor is under character 15 of the field
    And the indicators are UP, DOWN, LEFT and ENTER
    When I press DOWN
    Then the field reads "100.200.000.009"

  @IP4-003 @IP4-004 @IP4-005
  Scenario: 194.55.176.2 is input as 194.055.176.002 and reads back so
    Given the "LAN WINS1" prompt is shown
    When I key in "194.055.176.002" at the "LAN WINS1" prompt
    Then the field reads "194.055.176.002"
    When I press ENTER
    Then the screen shows "LAN WINS2"
    When I press ENTER until "REALLY SET LAN STATIC NETWORK?" appears
    And I press ENTER
    And I go back to the "LAN WINS1" prompt through "CHANGE STATIC IP ON LAN"
    Then the field reads "194.055.176.002"

  @IP4-003 @ERRATA-020
  Scenario: An octet over 255 is refused with a reason and the field keeps the entry
    Given the "LAN WINS1" prompt is shown
    When I key in "194.055.256.002" at the "LAN WINS1" prompt
    And I press ENTER
    Then the "LAN WINS1" prompt is shown again
    And the field reads "194.055.256.002"
    And the cursor is under character 15 of the field

  @IP4-003 @ERRATA-020
  Scenario: 255 is the highest octet accepted
    Given the "LAN WINS1" prompt is shown
    When I enter "255.255.255.255" at the "LAN WINS1" prompt
    Then the screen shows "LAN WINS2"
