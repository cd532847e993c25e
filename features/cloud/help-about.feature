@guide:help-about @needs-portal @needs-platform
Feature: Check network access to scanners (Help > About)
  "Tip - Log into your account and go to Help > About to see the Qualys Cloud Platform URLs."
  "Go to Help > About in the application. The Scanner Appliances section lists URLs at the SOC
  (Security Operations Center) for your account/location. Your Scanner Appliances must be able to
  contact these URLs on port 443. For Private Cloud Platform, the URLs displayed are appropriate
  to your local on-site SOC."

  @HELP-001 @HELP-002
  Scenario: Help > About lists the Scanner Appliance URLs of the account's platform
    Given I am logged in to the portal as "acme_mgr"
    When I go to "Help > About" in the portal
    Then the portal shows the "About" page
    And the Scanner Appliances section lists exactly:
      | https://qualysguard.us1.qualys.test:443 |
      | https://dist.us1.qualys.test:443        |

  # A unit that has run a while contacts the platform at its next poll (every 3 minutes: ERRATA-263).
  @HELP-003 @ERRATA-263
  Scenario: The appliance contacts only URLs that Help > About lists, on port 443
    Given the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "jdoe"
    When I go to "Help > About" in the portal
    Then the Scanner Appliances section lists every host the appliance contacted, each on port 443

  @HELP-004 @needs-network
  Scenario: On a Private Cloud Platform, Help > About lists the on-site SOC's URLs
    Given the account is on the Private Cloud Platform "PCP1" at 198.19.255.10
    And the appliance has been activated by user "jdoe"
    And I am logged in to the portal as "acme_mgr"
    When I go to "Help > About" in the portal
    Then the Scanner Appliances section lists exactly:
      | https://qualysguard.soc.example.test:443 |
    And the Scanner Appliances section lists every host the appliance contacted, each on port 443
