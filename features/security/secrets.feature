@guide:proxy-configuration
Feature: The lab's passwords never leave the suite
  "When the PROXY PASSW prompt appears, enter the password for Proxy authentication."
  2017: "Supported Characters: Lower case letters, upper case letters, numbers, and space. Many
  special characters may be entered for the Proxy password." 2022: "The PROXY PASSW allows you to
  enter a maximum of 16 characters including lower case letters, upper case letters, numbers, and
  underscore. Many special characters are allowed."
  The proxy password and the portal's passwords are the lab's credentials: features name them
  (fixtures/secrets.yaml, or the file QSA_SECRETS names) and only the code that types them reads
  their values. They must not reach the report: not the steps' words, not the transcript of
  screens (the password field is masked while it is edited), not the serial line's raw bytes (the
  field's characters as the console draws them, and the keys sent to it, are masked), which are
  also replayed on a terminal here as a person reading them would (ERRATA-401). The 2017 password
  has an embedded space and special characters; the 2022 one special characters only. After
  the run, `npm run secrets-gate` searches every file of the reports for every value.

  @PRX-026 @ERRATA-401 @needs-network @needs-platform
  Scenario Outline: <generation>: a proxy password entered on the keypad, and shown again by CHANGE PROXY PARAMS, is in no transcript or evidence
    Given the appliance has been activated by user "jdoe"
    And the lab network is "office-proxy"
    And the proxy asks for Basic authentication as "scanner" with the password named "<password>"
    When I go to the "ENABLE PROXY" menu option
    And I press ENTER
    And I answer the prompts in turn:
      | prompt                  | entry       |
      | CONFIG PROXY PARAMETERS |             |
      | <host>                  | 198.18.10.8 |
      | PROXY PORT:             | 3128        |
      | PROXY USER:             | scanner     |
    And I enter the password named "<password>" at the "PROXY PASSW" prompt
    And I answer the prompts in turn:
      | prompt               | entry |
      | REALLY ENABLE PROXY? |       |
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
    When I go to the "CHANGE PROXY PARAMS" menu option
    And I press ENTER
    And I answer the prompts in turn:
      | prompt                  | entry |
      | CONFIG PROXY PARAMETERS |       |
      | <host>                  |       |
      | PROXY PORT:             |       |
      | PROXY USER:             |       |
      | PROXY PASSW             |       |
      | REALLY ENABLE PROXY?    |       |
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
    And no secret of the lab appears in the scenario's transcript or evidence

    @fw-2017 @PRX-027
    Examples: 2017
      | generation | host       | password     |
      | 2017       | IP ADDRESS | proxy-spaced |

    @fw-2022 @PRX-028
    Examples: 2022
      | generation | host       | password      |
      | 2022       | PROXY HOST | proxy-special |

  @PRX-026 @ERRATA-401 @needs-console @needs-network @needs-platform
  Scenario Outline: <generation>: a proxy password typed on the remote console's keyboard is in no transcript or evidence
    Given the appliance has been activated by user "jdoe"
    And the lab network is "office-proxy"
    And the proxy asks for Basic authentication as "scanner" with the password named "proxy-basic"
    When I go to the "ENABLE PROXY" menu option
    And I press ENTER
    And I answer the prompts in turn:
      | prompt                  | entry       |
      | CONFIG PROXY PARAMETERS |             |
      | <host>                  | 198.18.10.8 |
      | PROXY PORT:             | 3128        |
      | PROXY USER:             | scanner     |
    And I type the password named "proxy-basic" on the remote console keyboard
    And I answer the prompts in turn:
      | prompt               | entry |
      | PROXY PASSW          |       |
      | REALLY ENABLE PROXY? |       |
    And I review the confirmation messages
    Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
    And no secret of the lab appears in the scenario's transcript or evidence

    @fw-2017
    Examples: 2017
      | generation | host       |
      | 2017       | IP ADDRESS |

    @fw-2022
    Examples: 2022
      | generation | host       |
      | 2022       | PROXY HOST |

  @guide:qs-activate @ACT-004 @ERRATA-401 @needs-portal @needs-platform
  Scenario: A portal password typed at the LOGIN page is in no transcript or evidence
    Given I am logged in to the portal as "acme_mgr"
    When I log out of the portal
    And I log in to the portal as "mmiller"
    Then no secret of the lab appears in the scenario's transcript or evidence
