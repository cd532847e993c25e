@needs-portal @needs-lab
Feature: The appliance's status on the appliances list, seen from the appliance and from the portal
  "Tip - Before you launch scans using the Scanner Appliance, we recommend you log into the Qualys
  user interface and check the Appliance status on the appliances list."
  "You'll see a COMMUNICATION FAILURE message if there is a network communications breakdown
  between the Scanner Appliance and the Qualys Cloud Platform."
  "If there are no scans running on the Appliance - The next time the Appliance sends a polling
  request to the Qualys Cloud Platform, the polling request fails, and then the COMMUNICATION
  FAILURE message appears."
  "After the root cause is resolved, you'll see the COMMUNICATION FAILURE message until the next
  time the Appliance makes a successful polling request to the Qualys Cloud Platform. Then you'll
  see the Appliance's IP address - friendly name and you can start scanning using your Appliance."
  The portal shows an appliance Offline once it has not polled for two polling intervals, and
  Online again at its next poll (ERRATA-324); the appliance polls every 3 minutes (ERRATA-263).

  @guide:name-and-ip @NAME-002 @NAME-003 @ERRATA-324
  Scenario: After the Quick Start, the appliances list shows the appliance and its status
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "jdoe"
    When I open Scans > Appliances in the portal
    Then the appliances list shows "is_jdoe" with the status "Online"

  @guide:communication-failure @COMM-001 @COMM-002 @COMM-003 @COMM-007 @COMM-008 @COMM-009 @NAME-002 @ERRATA-263 @ERRATA-324 @needs-ports @needs-virtual-time
  Scenario: The network cable unplugged: COMMUNICATION FAILURE on the appliance, Offline in the portal; plugged in again, both recover
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    And I open Scans > Appliances in the portal
    And I select the appliance "is_jdoe" in the appliances list
    And the preview pane shows the status "Online"
    When I unplug the cable from the LAN port
    Then the screen shows "COMMUNICATION FAILURE" within 4 minutes
    And the preview pane shows the status "Offline" within 4 minutes
    And the appliances list shows "is_jdoe" with the status "Offline"
    And the screen shows "COMMUNICATION FAILURE"
    When I plug a cable into the LAN port
    Then the screen shows "is_jdoe" within 4 minutes
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And the appliances list shows "is_jdoe" with the status "Online"

  @guide:communication-failure @COMM-001 @COMM-002 @COMM-003 @COMM-007 @COMM-008 @ERRATA-263 @ERRATA-324 @needs-virtual-time
  Scenario: The platform cannot be reached: the appliance and the portal each lose the other, and find it again
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    And I open Scans > Appliances in the portal
    When the Qualys Cloud Platform cannot be reached
    Then the screen shows "COMMUNICATION FAILURE" within 4 minutes
    And the appliances list shows "is_jdoe" with the status "Online"
    When 4 minutes pass
    Then the appliances list shows "is_jdoe" with the status "Offline"
    When the firewall is opened for outbound HTTPS (port 443) to the platform
    Then the screen shows "is_jdoe" within 4 minutes
    And the appliances list shows "is_jdoe" with the status "Online"
