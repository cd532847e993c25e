@guide:communication-failure
Feature: Troubleshooting - Communication Failure message
  "You'll see a COMMUNICATION FAILURE message if there is a network communications breakdown
  between the Scanner Appliance and the Qualys Cloud Platform."
  "The communication failure may be due to one of these reasons: the network cable was unplugged
  from the Scanner Appliance, the local network goes down, or any of the network devices between
  the Scanner Appliance and the Qualys Cloud Platform goes down."
  "If there are no scans running on the Appliance - The next time the Appliance sends a polling
  request to the Qualys Cloud Platform, the polling request fails, and then the COMMUNICATION
  FAILURE message appears."
  "If there are scans running on the Appliance - The COMMUNICATION FAILURE message appears after
  the running scans time out. Usually the S1 LED turns off after the scans time out."
  "After the root cause is resolved, you'll see the COMMUNICATION FAILURE message until the next
  time the Appliance makes a successful polling request to the Qualys Cloud Platform. Then you'll
  see the Appliance's IP address - friendly name and you can start scanning using your Appliance."
  "Note - The COMMUNICATION FAILURE message may not disappear right away. There may be a lag time
  after the network is restored and before the Appliance is back online, depending on when the
  next polling request is scheduled."
  The guide does not say how often the appliance polls; the twin's reading is every 3 minutes,
  counted from its last contact with the platform (ERRATA-263). A running scan times out 15
  minutes after the first failed poll (ERRATA-211).

  @COMM-001 @COMM-002 @COMM-003 @ERRATA-263 @needs-virtual-time @needs-network @needs-platform @needs-ports
  Scenario Outline: No scan running, <reason>: COMMUNICATION FAILURE at the next polling request, not before
    Given the appliance has been activated by user "jdoe"
    When I note the time
    And <breakdown>
    And 2 minutes pass
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And the screen shows "COMMUNICATION FAILURE" within 2 minutes
    And it took 3 to 4 minutes from the noted time

    @needs-ports
    Examples: the appliance's cable
      | reason                                                     | breakdown                            |
      | the network cable was unplugged from the Scanner Appliance | I unplug the cable from the LAN port |

    Examples: the network
      | reason                                                                                           | breakdown                                   |
      | the local network goes down                                                                      | the LAN cable is unplugged                  |
      | the local network goes down                                                                      | the LAN's DNS servers do not answer         |
      | any of the network devices between the Scanner Appliance and the Qualys Cloud Platform goes down | the Qualys Cloud Platform cannot be reached |

  @COMM-001 @COMM-004 @COMM-005 @ERRATA-211 @needs-leds @needs-ports @needs-virtual-time @needs-platform
  Scenario: A scan running: COMMUNICATION FAILURE only after the scan times out, and S1 turns off
    Given the appliance has been activated by user "jdoe"
    And a scan of 60 minutes has been launched on the appliance
    And the S1 LED is on within 4 minutes
    When I note the time
    And I unplug the cable from the LAN port
    And 15 minutes pass
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    And the S1 LED is on
    And the screen shows "COMMUNICATION FAILURE" within 4 minutes
    And the S1 LED is off
    And it took 15 to 19 minutes from the noted time

  @COMM-007 @COMM-008 @COMM-009 @ERRATA-263 @needs-leds @needs-ports @needs-virtual-time @needs-platform
  Scenario: Network restored: COMMUNICATION FAILURE until the next successful polling request, then the name and IP address
    Given the appliance has been activated by user "jdoe"
    And I unplug the cable from the LAN port
    And the screen shows "COMMUNICATION FAILURE" within 4 minutes
    When I note the time
    And I plug a cable into the LAN port
    And 2 minutes pass
    Then the screen shows "COMMUNICATION FAILURE"
    And the screen shows "is_jdoe" within 2 minutes
    And it took 3 to 4 minutes from the noted time
    And the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
    Given a scan of 30 minutes has been launched on the appliance
    Then the S1 LED is on within 4 minutes

  @COMM-007 @COMM-009 @ERRATA-263 @needs-virtual-time @needs-network @needs-platform
  Scenario: With a proxy configuration: back online through the proxy at the next successful polling request
    Given the appliance has been activated by user "jdoe"
    And the lab network is "office-proxy"
    And I enable proxy support through 198.18.10.8 port 3128
    And the screen shows "is_jdoe" within 2 minutes
    And the proxy does not answer
    And the screen shows "COMMUNICATION FAILURE" within 4 minutes
    When I note the time
    And the lab network is "office-proxy"
    And 2 minutes pass
    Then the screen shows "COMMUNICATION FAILURE"
    And the screen shows "is_jdoe" within 2 minutes
    And it took 3 to 4 minutes from the noted time
