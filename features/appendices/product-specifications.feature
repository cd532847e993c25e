@guide:product-specifications
Feature: Appendix - Product Specifications
  Of the specification table only the Ethernet and USB rows can be checked without opening or
  measuring the unit; the others are inspection requirements in the register.
  2017: "Ethernet Two GbE ports" / "USB Four USB 2.0 ports"
  2022: "Ethernet Two GbE ports" / "USB Two USB 2.0 ports + two USB 3.0 ports"

  @SPEC-007 @needs-label
  Scenario: Two Ethernet ports, LAN and WAN
    Then the back panel has the Ethernet ports "LAN and WAN"

  # GbE: the port link settings (Ethernet Port Configuration) offer gigabit on each port.
  @SPEC-007
  Scenario: The Ethernet ports take a gigabit link
    Given the "ETHERNET PORT SETTINGS" menu item is shown
    When I press ENTER
    Then the screen shows "LAN PORT LINK"
    When I press RIGHT until "1GbaseT/Full" appears
    Then the field reads "1GbaseT/Full"

  @fw-2017 @SPEC-008 @ERRATA-036 @needs-label
  Scenario: 2017: four USB 2.0 ports
    Then the back panel has 4 USB ports of type "2.0"
    And the back panel has 4 USB 2.0 ports

  @fw-2022 @SPEC-009 @needs-label
  Scenario: 2022: two USB 2.0 ports and two USB 3.0 ports
    Then the back panel has 2 USB 2.0 ports
    And the back panel has 2 USB 3.0 ports
    And the back panel has 4 USB ports of type "2.0, 3.0"
