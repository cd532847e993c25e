@guide:ipv6-addresses @fw-2022 @arrows
Feature: Entering Information - IPv6 Addresses (2022)
  "When using IPv6-only mode, you'll need to enter IPv6 addresses for certain network
  configurations. The Scanner Appliance supports IPv6 addresses in expanded and compressed
  formats. For example, enter an IPv6 address in expanded format like
  2001:470:8418:ffe:250:56ff:feb3:b89 or in compressed format like 2001:db8:3c4d:15:0:d234:3eee::"
  IPv6 fields take hexadecimal digits and the colon (ERRATA-031); an entry that is no IPv6
  address is refused (ERRATA-023).

  Background: Reset to IPv6-only mode ("Enable IPv6-only Mode > Step 1")
    Given the "RESET NETWORK SETTINGS" menu item is shown
    When I press ENTER
    And I press DOWN until "RESET TO IPv6 ONLY MODE?" appears
    And I press ENTER
    And I review the confirmation messages

  @IP6-001 @IP6-002 @IP6-003
  Scenario: An IPv6 address in expanded format is entered and reads back as entered
    Given the "IPv6 ADDR" prompt is shown
    Then the field is blank
    When I enter "2001:470:8418:ffe:250:56ff:feb3:b89" at the "IPv6 ADDR" prompt
    Then the screen shows "IPv6 PREFLEN"
    When I press ENTER until "REALLY SETUP STATIC LAN IPV6?" appears
    And I press ENTER
    And I go back to the "IPv6 ADDR" prompt through "ENABLE STATIC IPv6 ON LAN?"
    Then the field reads "2001:470:8418:ff"
    And the whole field reads "2001:470:8418:ffe:250:56ff:feb3:b89"

  @IP6-001 @IP6-002 @IP6-004
  Scenario: An IPv6 address in compressed format is entered and reads back as entered
    Given the "IPv6 ADDR" prompt is shown
    When I enter "2001:db8:3c4d:15:0:d234:3eee::" at the "IPv6 ADDR" prompt
    Then the screen shows "IPv6 PREFLEN"
    When I press ENTER until "REALLY SETUP STATIC LAN IPV6?" appears
    And I press ENTER
    And I go back to the "IPv6 ADDR" prompt through "ENABLE STATIC IPv6 ON LAN?"
    Then the whole field reads "2001:db8:3c4d:15:0:d234:3eee::"

  @IP6-002 @ERRATA-023
  Scenario Outline: "<entry>" is not an IPv6 address and is refused
    Given the "IPv6 ADDR" prompt is shown
    When I key in "<entry>" at the "IPv6 ADDR" prompt
    And I press ENTER
    Then the "IPv6 ADDR" prompt is shown again
    And the whole field reads "<entry>"

    Examples:
      | entry                                  |
      | 2001:db8::3c4d::15                     |
      | 2001:470:8418:ffe:250:56ff:feb3:b89:1  |
      | 2001:db8                               |

  @IP6-002 @ERRATA-031 @ERRATA-023
  Scenario: IPv6 fields offer hexadecimal digits and the colon, and no other characters
    Given the "IPv6 ADDR" prompt is shown
    Then pressing UP 30 times puts each of "0123456789abcdefABCDEF:" under the cursor
    And pressing UP 30 times never puts any of "ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ_-.@/" under the cursor

  # "This is supported for PROXY HOST and WINS DOMAIN, and is especially useful when updating
  # long FQDN values or IPv6 addresses (when in IPv6-only mode)."
  @IP6-001 @IP6-002 @INS-002 @ERRATA-031
  Scenario: PROXY HOST takes an IPv6 address in IPv6-only mode, corrected in insert/delete mode
    Given the "PROXY HOST" prompt is shown
    Then the field is blank
    When I scroll in "2001:db88::1" with UP and RIGHT
    Then the field reads "2001:db88::1"
    When I move the cursor to position 10 of the entry
    And I press DOWN
    Then line 1 reads "Delete Previous?"
    When I press ENTER
    Then the field reads "2001:db8::1"
    When I press DOWN until "Done editing?" appears
    And I press ENTER
    Then the screen shows "PROXY PORT:"
    When I press ENTER until "REALLY ENABLE PROXY?" appears
    And I press ENTER
    And I go back to the "PROXY HOST" prompt through "CHANGE PROXY PARAMS"
    Then the field reads "2001:db8::1"
