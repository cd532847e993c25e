@guide:name-and-ip
Feature: That's all there is to it! - Scanner Appliance Name and IP Address
  "You'll see the Scanner Appliance name and IP address in the interface (LCD or Remote Console),
  this indicates you have completed the Quick Start, the Scanner Appliance has been added to your
  subscription."
  "The Scanner Appliance name displayed is "is_username", where username is your Qualys user
  name. The name can be changed using the Qualys user interface."
  "The IP address is available for information purposes only. The Scanner Appliance is remote
  controlled by the Qualys Cloud Platform, and the Appliance does not allow incoming logins or
  connections from the network. If split network configuration is enabled, the IP address for the
  LAN interface is displayed."
  "The Qualys Cloud Platform indicator for your account appears in the lower right corner."

  @NAME-001 @NAME-003 @NAME-008 @needs-network @needs-platform
  Scenario Outline: The name is is_<username>, then the LAN IP address and the platform indicator
    Given the LAN has a DHCP server that leases <address> with gateway <gateway> and DNS server <dns>
    And the appliance has been activated by user "<username>"
    Then the screen shows "is_<username>"
    And the screen shows the name "is_<username>", the LAN IP address and the platform indicator

    Examples:
      | username | address      | gateway     | dns          |
      | jdoe     | 198.18.10.20 | 198.18.10.1 | 198.18.10.53 |
      | acme_qa  | 198.18.10.77 | 198.18.10.1 | 198.18.10.53 |

  @NAME-005 @ERRATA-154 @needs-virtual-time @needs-platform
  Scenario: The name and IP screen is for information: keys other than the way into the menu change nothing
    Given the appliance has been activated by user "jdoe"
    Then the indicators are DOWN and ENTER
    And no cursor is shown
    And pressing UP, LEFT and RIGHT does nothing
    When 10 minutes pass
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator

  @NAME-001 @needs-platform
  Scenario: The name and IP address stay after a restart: the appliance is in the subscription
    Given the appliance has been activated by user "jdoe"
    And the "SYSTEM REBOOT" menu item is shown
    When I press ENTER
    And I press ENTER
    Then the screen shows "is_jdoe" within 5 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
