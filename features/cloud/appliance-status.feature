@needs-portal @needs-platform
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

  @guide:communication-failure @COMM-001 @COMM-002 @COMM-003 @COMM-007 @COMM-008 @ERRATA-263 @ERRATA-324 @needs-virtual-time @needs-network
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

  Rule: "If this message appears, it is recommended that you use the Qualys user interface to cancel any running scans and restart them to ensure that results are accurate."
    Scans > Scans lists the scans of the appliances the user sees, newest first. The platform
    knows only what the appliance tells it: while it hears nothing, a scan it handed out is
    Running; a user who may edit the appliance cancels it (or a queued one) and relaunches an
    ended one with the same targets (ERRATA-326).

    @guide:communication-failure @COMM-004 @COMM-006 @ERRATA-211 @ERRATA-326 @needs-virtual-time @needs-network
    Scenario: A scan the communication failure timed out is still Running in the portal; canceled and relaunched there, it runs again once the appliance is back
      Given the appliance has been activated by user "jdoe"
      And I am logged in to the portal as "acme_mgr"
      And a scan of 60 minutes of 198.18.10.77 is launched on the appliance
      And the portal's Scans list shows the scans of 198.18.10.77, newest first, within 4 minutes:
        | Running |
      When the LAN cable is unplugged
      Then the screen shows "COMMUNICATION FAILURE" within 19 minutes
      And the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Running |
      When I cancel the newest scan of 198.18.10.77 in the portal
      Then the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Canceled by acme_mgr |
      When I relaunch the newest scan of 198.18.10.77 in the portal
      Then the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Queued               |
        | Canceled by acme_mgr |
      When the LAN cable is plugged in
      Then the screen shows "is_jdoe" within 4 minutes
      And the portal's Scans list shows the scans of 198.18.10.77, newest first, within 4 minutes:
        | Running              |
        | Canceled by acme_mgr |
      When 60 minutes pass
      Then the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Finished             |
        | Canceled by acme_mgr |
      And the appliance has scanned 198.18.10.77

    @guide:communication-failure @COMM-004 @COMM-006 @ERRATA-211 @ERRATA-326 @needs-virtual-time @needs-network
    Scenario: Left alone in the portal, a scan the communication failure timed out shows Timed out once the appliance is back
      Given the appliance has been activated by user "jdoe"
      And I am logged in to the portal as "acme_mgr"
      And a scan of 60 minutes of 198.18.10.77 is launched on the appliance
      And the portal's Scans list shows the scans of 198.18.10.77, newest first, within 4 minutes:
        | Running |
      When the LAN cable is unplugged
      Then the screen shows "COMMUNICATION FAILURE" within 19 minutes
      When the LAN cable is plugged in
      Then the screen shows "is_jdoe" within 4 minutes
      And the portal's Scans list shows the scans of 198.18.10.77, newest first, within 4 minutes:
        | Timed out |

    @guide:communication-failure @COMM-006 @ERRATA-326 @needs-leds @needs-virtual-time
    Scenario: A running scan canceled in the portal stops on the appliance at its next poll
      Given the appliance has been activated by user "jdoe"
      And I am logged in to the portal as "acme_mgr"
      And a scan of 60 minutes of 198.18.10.77 is launched on the appliance
      And the S1 LED is on within 4 minutes
      When I cancel the newest scan of 198.18.10.77 in the portal
      Then the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Canceled by acme_mgr |
      And the S1 LED is off within 4 minutes
      And the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Canceled by acme_mgr |

    @guide:communication-failure @COMM-006 @ERRATA-326
    Scenario: A Reader sees the scans but may neither cancel nor relaunch them
      Given the appliance has been activated by user "jdoe"
      And a scan of 60 minutes of 198.18.10.77 is launched on the appliance
      And I am logged in to the portal as "auditor"
      Then the portal's Scans list shows the scans of 198.18.10.77, newest first:
        | Queued |
      And the newest scan of 198.18.10.77 offers no button to cancel it in the portal
