@guide:name-and-ip @needs-portal @needs-platform
Feature: Scanner Appliance Name - changed using the Qualys user interface
  "The Scanner Appliance name displayed is "is_username", where username is your Qualys user
  name. The name can be changed using the Qualys user interface."
  "The Scanner Appliance is remote controlled by the Qualys Cloud Platform"
  Where and how: "Go to Scans > Appliances and edit your Scanner Appliance. You'll see the
  Appliance wizard." (Configure IPv6 Address for Scanning). The guides say no more about the name:
  ERRATA-360 (the wizard's General section, the name's characters, the next poll).

  @NAME-003 @NAME-004 @ERRATA-360
  Scenario: A name changed in the portal is the name the appliance shows after its next poll
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    When I edit the appliance "is_jdoe" in the portal
    Then the name field of the Appliance wizard reads "is_jdoe"
    When I rename the appliance to "scanner-east-1"
    And I save the appliance settings
    Then the Appliance wizard has saved the settings
    And the name field of the Appliance wizard reads "scanner-east-1"
    And the screen shows "scanner-east-1" within 4 minutes
    And the screen shows the name "scanner-east-1", the LAN IP address and the platform indicator

  @NAME-004 @ERRATA-360
  Scenario: A name with markup is refused, shown back as the characters typed, and the appliance keeps its name
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    When I edit the appliance "is_jdoe" in the portal
    And I rename the appliance to "<b>x</b>"
    And I save the appliance settings
    Then the Appliance wizard refuses the name
    And the name field of the Appliance wizard reads "<b>x</b>"
    And the portal shows "<b>x</b>" as text, not as markup
    When 4 minutes pass
    Then the screen shows the name "is_jdoe", the LAN IP address and the platform indicator
