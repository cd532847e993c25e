@guide:proxy-configuration @guide:proxy-user-name
Feature: Proxy Configuration
  "If the Scanner Appliance is behind a Proxy server, you need to enable a Proxy configuration
  using the ENABLE PROXY menu option. Authentication (Basic or NTLM) of the Scanner Appliance
  connection to your Proxy server can be enabled by configuring the Proxy user and password
  fields."
  "The Scanner Appliance uses Secure Sockets Layer (SSL) protocol (HTTPS) to secure its connection
  to the Qualys web application ... This configuration re-directs Qualys outbound connections
  through the Proxy server. Your Proxy server must be configured to tunnel or pass through the SSL
  session to the Qualys web application. ... SSL bridging or tunnel termination must not be
  configured in your Proxy server when supporting the Scanner Appliance."
  Tell me the steps: ENABLE PROXY; "When the CONFIG PROXY PARAMETERS prompt appears, press ENTER to
  continue. Or press the Up arrow two times to quit this procedure and return to the SETUP NETWORK
  menu option." Then IP ADDRESS (2022: PROXY HOST, "the Proxy server's FQDN/IP address"), "The
  gateway IP address appears in the screen by default."; PROXY PORT: ("Port "0443" appears in the
  screen by default."); PROXY USER: and PROXY PASSW ("If authentication is not enabled at the
  Proxy level, leave the entry field blank."); "When the REALLY ENABLE PROXY? prompt appears, press
  ENTER to continue. Or press the Up arrow two times to quit"; "The ENABLING PROXY SUPPORT message
  appears followed by other messages while the Scanner Appliance attempts to make a connection to
  the Qualys Cloud Platform using the new configuration. Upon success the SCANNER APPLIANCE
  NAME-IP ADDRESS message appears and the configured proxy is now confirmed working and being
  used."
  Change: CHANGE PROXY PARAMS, "Existing parameters are displayed in each screen. Change and
  confirm each parameter. If a parameter has not changed, press ENTER to view the next
  parameter." Disable: DISABLE PROXY, "When the REALLY DISABLE PROXY? prompt appears, press ENTER
  to continue. Or press the Up arrow two times to quit".
  Proxy User Name: "If there is a backslash in the middle of the entry, the Appliance interprets
  the string before the backslash as the domain name."
  The "office-proxy" lab network: the office LAN (DHCP, gateway 198.18.10.1) reaches the Internet
  only through the proxy proxy.lab.test = 198.18.10.8, port 3128.

  Rule: Enable proxy

    @PRX-008 @PRX-009 @ERRATA-019
    Scenario: ENABLE PROXY opens CONFIG PROXY PARAMETERS; the Up arrow two times quits to SETUP NETWORK
      Given no proxy is configured
      And the appliance has been activated by user "jdoe"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "ENABLE PROXY" appears
      And I press ENTER
      Then the screen shows "CONFIG PROXY PARAMETERS"
      When I press UP
      Then the screen shows "CONFIG PROXY PARAMETERS"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item
      When I press ENTER
      And I press DOWN until "ENABLE PROXY" appears
      Then the screen does not show "CHANGE PROXY PARAMS"

    @PRX-011 @PRX-013 @PRX-014 @NREQ-012 @fw-2017
    Scenario: 2017 - IP ADDRESS shows the gateway IP address, three digits for every octet
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "IP ADDRESS"
      And the field reads a value in the format "nnn.nnn.nnn.nnn"
      And the field reads "198.018.010.001"

    @PRX-012 @PRX-013 @fw-2022
    Scenario: 2022 - PROXY HOST shows the gateway IP address
      Given the appliance has its factory network settings
      And the appliance has been activated by user "jdoe"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "PROXY HOST"
      And the field reads "198.18.10.1"

    @PRX-018 @PRX-019 @PRX-022 @PRX-026 @ERRATA-024
    Scenario Outline: PROXY PORT: shows 0443, PROXY USER: and PROXY PASSW are blank
      Given the appliance has its factory network settings
      And the appliance has been activated by user "jdoe"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry |
        | CONFIG PROXY PARAMETERS |       |
        | <host>                  |       |
      Then the screen shows "PROXY PORT:"
      And the field reads "0443"
      When I press ENTER
      Then the screen shows "PROXY USER:"
      And the field is blank
      When I press ENTER
      Then the screen shows "PROXY PASSW"
      And the field is blank
      When I press ENTER
      Then the screen shows "REALLY ENABLE PROXY?"

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

    @PRX-001 @PRX-004 @PRX-005 @PRX-008 @PRX-010 @PRX-018 @PRX-020 @PRX-022 @PRX-023 @PRX-026 @PRX-029 @PRX-030 @PRX-031 @PRX-032 @ERRATA-012 @needs-network @needs-platform
    Scenario Outline: Behind a proxy, the appliance reaches the platform once the proxy is enabled
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "ENABLE PROXY" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      Then these messages appear in this order:
        """
        ENABLING PROXY SUPPORT
        CONTACTING QUALYS
        is_jdoe
        """
      And the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "CHANGE PROXY PARAMS" appears
      And I press DOWN
      Then the screen shows "DISABLE PROXY"
      And the screen does not show "ENABLE PROXY"

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

    # Without the proxy the firewall drops the appliance's own connections (2017 "QG con timeout -
    # Qualys Cloud Platform - initial connect() timeout"; 2022 "Timeout was reached (28)").
    @PRX-001 @PRX-004 @needs-network @needs-platform
    Scenario Outline: Behind a proxy, without the proxy enabled, the appliance does not reach the platform
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "RENEW DHCP ON LAN" menu option
      And I press ENTER
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | error          |
        | QG con timeout |

      @fw-2022
      Examples: 2022
        | error                    |
        | Timeout was reached (28) |

    @PRX-012 @PRX-017 @fw-2022 @needs-network @needs-platform
    Scenario: 2022 - the proxy is entered by its FQDN
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry          |
        | CONFIG PROXY PARAMETERS |                |
        | PROXY HOST              | PROXY.LAB.TEST |
        | PROXY PORT:             | 3128           |
        | PROXY USER:             |                |
        | PROXY PASSW             |                |
        | REALLY ENABLE PROXY?    |                |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

    @PRX-015 @fw-2022
    Scenario: 2022 - PROXY HOST takes an IPv4 address in dotted decimal format, like 176.34.20.5
      Given the "PROXY HOST" prompt is shown
      When I enter "176.34.20.5" at the "PROXY HOST" prompt
      Then the screen shows "PROXY PORT:"

    @PRX-017 @fw-2022
    Scenario: 2022 - PROXY HOST offers upper case letters, numbers, dot and hyphen, and no lower case letters
      Given the "PROXY HOST" prompt is shown
      When I move the cursor to position 1 of the entry
      Then pressing UP 45 times puts each of "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-" under the cursor
      And pressing UP 45 times never puts any of "abcxyz_@\/:" under the cursor

    @PRX-012 @PRX-015 @PRX-017 @ERRATA-022 @fw-2022
    Scenario Outline: 2022 - PROXY HOST refuses "<entry>", which is neither an FQDN nor an IPv4 address
      Given the "PROXY HOST" prompt is shown
      When I key in "<entry>" at the "PROXY HOST" prompt
      And I press ENTER
      Then the "PROXY HOST" prompt is shown again
      And the whole field reads "<entry>"

      Examples:
        | entry      |
        | 1.2.3      |
        | -A         |
        | PROXY..LAB |

    @PRX-012 @ERRATA-026 @fw-2022
    Scenario: 2022 - PROXY HOST holds an FQDN of up to 64 characters, 16 shown at a time
      Given the "PROXY HOST" prompt is shown
      When I key in "ABCDEFGHIJKLMNOPQRSTUVWXYZ.ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789" at the "PROXY HOST" prompt
      Then the field reads "VWXYZ.0123456789"
      And the whole field reads "ABCDEFGHIJKLMNOPQRSTUVWXYZ.ABCDEFGHIJKLMNOPQRSTUVWXYZ.0123456789"
      When I press ENTER
      Then the screen shows "PROXY PORT:"

    @PRX-021 @fw-2022
    Scenario: 2022 - PROXY PORT: takes numbers only
      Given the "PROXY PORT:" prompt is shown
      Then pressing UP 20 times puts each of "0123456789" under the cursor
      And pressing UP 20 times never puts any of "aAzZ_-. " under the cursor

    @PRX-010 @PRX-024 @ERRATA-004 @fw-2017
    Scenario: 2017 - PROXY USER: takes lower and upper case letters, numbers, space and _ - \ .
      Given the "PROXY USER:" prompt is shown
      Then pressing UP 70 times puts each of "abcxyz ABCXYZ 0189 _-\." under the cursor
      And pressing UP 70 times never puts any of "/|~!?#$%^&*+=(){}[]<>;\"`,:'" under the cursor

    @PRX-010 @PRX-025 @fw-2022
    Scenario: 2022 - PROXY USER: takes lower and upper case letters, numbers and _ - \ @ .
      Given the "PROXY USER:" prompt is shown
      Then pressing UP 70 times puts each of "abcxyzABCXYZ0189_-\@." under the cursor
      And pressing UP 70 times never puts any of "/|~!?#$%^&*+=(){}[]<>;\"`,:'" under the cursor

    @PRX-027 @fw-2017
    Scenario: 2017 - PROXY PASSW takes lower and upper case letters, numbers, space and many special characters
      Given the "PROXY PASSW" prompt is shown
      Then pressing UP 95 times puts each of "abcxyz ABCXYZ 0189 _-\/|~!?@#$%^&*+=(){}[]<>;\"`,." under the cursor

    @PRX-028 @ERRATA-032 @fw-2022
    Scenario: 2022 - PROXY PASSW takes lower and upper case letters, numbers and the special characters
      Given the "PROXY PASSW" prompt is shown
      Then pressing UP 95 times puts each of "abcxyzABCXYZ0189_-\/|~!?@#$%^&*+=(){}[]<>;\"`,." under the cursor

    @PRX-029 @ERRATA-019
    Scenario Outline: The Up arrow two times at REALLY ENABLE PROXY? quits to SETUP NETWORK without enabling the proxy
      Given the appliance has been activated by user "jdoe"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
      Then the screen shows "REALLY ENABLE PROXY?"
      When I press UP
      Then the screen shows "REALLY ENABLE PROXY?"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item
      When I press ENTER
      And I press DOWN until "ENABLE PROXY" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "<host>"
      And the field reads "<gateway>"

      @fw-2017
      Examples: 2017
        | host       | gateway         |
        | IP ADDRESS | 198.018.010.001 |

      @fw-2022
      Examples: 2022
        | host       | gateway     |
        | PROXY HOST | 198.18.10.1 |

    # "split": the LAN has no Internet access; the WAN port is on a DMZ (DHCP: gateway
    # 198.18.20.1) that has. The proxy serves the management traffic, which leaves by the WAN.
    @PRX-013 @ERRATA-220 @needs-network @needs-platform
    Scenario Outline: With split network configuration the proxy address shows the WAN's gateway
      Given the appliance has been activated by user "jdoe"
      And the lab network is "split"
      When I go to the "ENABLE WAN INTERFACE" menu option
      And I press ENTER
      And I press DOWN until "ENABLE DHCP ON WAN" appears
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                     | entry |
        | REALLY ENABLE DHCP ON WAN? |       |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "<host>"
      And the field reads "<gateway>"

      @fw-2017
      Examples: 2017
        | host       | gateway         |
        | IP ADDRESS | 198.018.020.001 |

      @fw-2022
      Examples: 2022
        | host       | gateway     |
        | PROXY HOST | 198.18.20.1 |

  Rule: Change proxy parameters

    @PRX-032 @PRX-033 @PRX-034 @PRX-035 @PRX-036 @CHG-002 @ERRATA-224 @needs-network @needs-platform
    Scenario Outline: CHANGE PROXY PARAMS shows the existing parameters; ENTER keeps them
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
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "CHANGE PROXY PARAMS" appears
      And I press ENTER
      Then the screen shows "CONFIG PROXY PARAMETERS"
      When I press ENTER
      Then the screen shows "<host>"
      And the field reads "<shown host>"
      When I press ENTER
      Then the screen shows "PROXY PORT:"
      And the field reads "3128"
      When I press ENTER
      Then the screen shows "PROXY USER:"
      And the field reads "scanner"
      When I press ENTER
      Then the screen shows "PROXY PASSW"
      When I press ENTER
      Then the screen shows "REALLY ENABLE PROXY?"
      When I press ENTER
      Then these messages appear in this order:
        """
        ENABLING PROXY SUPPORT
        CONTACTING QUALYS
        is_jdoe
        """
      And the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | host       | shown host      |
        | IP ADDRESS | 198.018.010.008 |

      @fw-2022
      Examples: 2022
        | host       | shown host  |
        | PROXY HOST | 198.18.10.8 |

    @PRX-033 @PRX-035 @PRX-041 @PRX-042 @needs-network @needs-platform
    Scenario Outline: A changed proxy port is used: the wrong port ends on an error, the right one on the name and IP screen
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 8080        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"
      When I go to the "CHANGE PROXY PARAMS" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry |
        | CONFIG PROXY PARAMETERS |       |
        | <host>                  |       |
        | PROXY PORT:             | 3128  |
        | PROXY USER:             |       |
        | PROXY PASSW             |       |
        | REALLY ENABLE PROXY?    |       |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      # 2017 code 03: "A user enabled proxy settings and this was saved ... and it failed";
      # "prxy con close - Proxy closed connection". 2022: "Error connect to server (07) - With
      # Proxy Configuration: Ensure proxy configuration on the scanner is configured with valid
      # host and port."
      @fw-2017
      Examples: 2017
        | host       | error                         |
        | IP ADDRESS | NETWORK ERR 03 prxy con close |

      @fw-2022
      Examples: 2022
        | host       | error                        |
        | PROXY HOST | Error connect to server (07) |

    @PRX-033 @PRX-009 @ERRATA-224 @ERRATA-019 @needs-network @needs-platform
    Scenario Outline: The Up arrow two times at CONFIG PROXY PARAMETERS quits CHANGE PROXY PARAMS and keeps the proxy
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      And I go to the "CHANGE PROXY PARAMS" menu option
      And I press ENTER
      Then the screen shows "CONFIG PROXY PARAMETERS"
      When I press UP
      And I press UP
      Then the screen shows "SETUP NETWORK"
      When I press ENTER
      And I press DOWN until "CHANGE PROXY PARAMS" appears
      And I press ENTER
      And I press ENTER
      Then the screen shows "<host>"
      And the field reads "<shown host>"

      @fw-2017
      Examples: 2017
        | host       | shown host      |
        | IP ADDRESS | 198.018.010.008 |

      @fw-2022
      Examples: 2022
        | host       | shown host  |
        | PROXY HOST | 198.18.10.8 |

  Rule: Disable proxy

    @PRX-037 @PRX-038 @ERRATA-019 @needs-network @needs-platform
    Scenario Outline: DISABLE PROXY asks REALLY DISABLE PROXY?; the Up arrow two times keeps the proxy
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      And I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "DISABLE PROXY" appears
      And I press ENTER
      Then the screen shows "REALLY DISABLE PROXY?"
      When I press UP
      Then the screen shows "REALLY DISABLE PROXY?"
      When I press UP
      Then the screen shows "SETUP NETWORK"
      And the screen shows a menu item
      When I press ENTER
      And I press DOWN until "CHANGE PROXY PARAMS" appears
      Then the screen shows "CHANGE PROXY PARAMS"

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

    # Behind the proxy, the appliance cannot reach the platform once the proxy is disabled. 2017
    # code 04: "A user disabled proxy settings and this was saved with the Appliance's network
    # settings. Then the Appliance attempted to make a connection ... and it failed."
    @PRX-032 @PRX-037 @PRX-038 @needs-network @needs-platform
    Scenario Outline: A disabled proxy is no longer used, and ENABLE PROXY is offered again
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen shows "is_jdoe"
      When I go to the "DISABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                | entry |
        | REALLY DISABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"
      When I go to the "SETUP NETWORK" menu option
      And I press ENTER
      And I press DOWN until "ENABLE PROXY" appears
      Then the screen does not show "CHANGE PROXY PARAMS"
      When I press DOWN
      Then the screen does not show "DISABLE PROXY"

      @fw-2017
      Examples: 2017
        | host       | error                         |
        | IP ADDRESS | NETWORK ERR 04 QG con timeout |

      @fw-2022
      Examples: 2022
        | host       | error                    |
        | PROXY HOST | Timeout was reached (28) |

    @PRX-013 @PRX-019 @PRX-037 @ERRATA-221 @needs-network @needs-platform
    Scenario Outline: After DISABLE PROXY, ENABLE PROXY starts again from the gateway, port 0443 and blank credentials
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
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      And I go to the "DISABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      And I review the confirmation messages
      And I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "<host>"
      And the field reads "<gateway>"
      When I press ENTER
      Then the field reads "0443"
      When I press ENTER
      Then the screen shows "PROXY USER:"
      And the field is blank

      @fw-2017
      Examples: 2017
        | host       | gateway         |
        | IP ADDRESS | 198.018.010.001 |

      @fw-2022
      Examples: 2022
        | host       | gateway     |
        | PROXY HOST | 198.18.10.1 |

  Rule: Authentication

    @PRX-002 @PRX-022 @PRX-026 @NREQ-011 @needs-network @needs-platform
    Scenario Outline: Basic authentication with the proxy user and password
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
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

    # 2017 "prxy HTTP/<code> - Invalid proxy HTTP code (like 407, 404 etc)"; 2022 "unexpected
    # proxy HTTP/407 - Ensure the scanner is configured with valid proxy username and password."
    @PRX-002 @PRX-023 @PRX-041 @PRX-042 @needs-network @needs-platform
    Scenario Outline: A proxy that asks for authentication refuses a wrong password
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
      And I enter the password named "proxy-wrong" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | host       | error                          |
        | IP ADDRESS | NETWORK ERR 03 prxy HTTP/407   |

      @fw-2022
      Examples: 2022
        | host       | error                          |
        | PROXY HOST | unexpected proxy HTTP/407      |

    @PRX-002 @PRX-023 @PRX-041 @PRX-042 @needs-network @needs-platform
    Scenario Outline: A proxy that asks for authentication refuses a blank user entry
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
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | host       | error                          |
        | IP ADDRESS | NETWORK ERR 03 prxy HTTP/407   |

      @fw-2022
      Examples: 2022
        | host       | error                          |
        | PROXY HOST | unexpected proxy HTTP/407      |

    # "The format of a Proxy user entry is: "domain\user". If there is a backslash in the middle of
    # the entry, the Appliance interprets the string before the backslash as the domain name."
    @PRX-002 @PUSR-009 @PUSR-010 @PUSR-011 @NREQ-011 @needs-network @needs-platform
    Scenario Outline: NTLM authentication: the string before the backslash is the domain
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      And the proxy asks for NTLM authentication as "jdoe" in domain "CORP" with the password named "proxy-ntlm"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             | <user>      |
      And I enter the password named "proxy-ntlm" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen shows "<result>"

      @fw-2017
      Examples: 2017
        | host       | user      | result                       |
        | IP ADDRESS | CORP\jdoe | is_jdoe                      |
        | IP ADDRESS | jdoe      | NETWORK ERR 03 prxy HTTP/407 |
        | IP ADDRESS | jdoe\CORP | NETWORK ERR 03 prxy HTTP/407 |

      @fw-2022
      Examples: 2022
        | host       | user      | result                    |
        | PROXY HOST | CORP\jdoe | is_jdoe                   |
        | PROXY HOST | jdoe      | unexpected proxy HTTP/407 |
        | PROXY HOST | jdoe\CORP | unexpected proxy HTTP/407 |

    # ERRATA-206: a password without a user is an invalid authentication configuration (2017
    # "prxy noauthsup - No proxy AUTH methods supported"; 2022 "Invalid proxy auth config -
    # Ensure proxy configuration on the scanner is configured with valid proxy username and
    # password").
    @PRX-023 @PRX-041 @PRX-042 @ERRATA-206 @needs-network @needs-platform
    Scenario Outline: A proxy password without a proxy user is an invalid authentication configuration
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
      And I enter the password named "proxy-basic" at the "PROXY PASSW" prompt
      And I answer the prompts in turn:
        | prompt               | entry |
        | REALLY ENABLE PROXY? |       |
      And I review the confirmation messages
      Then the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | host       | error                         |
        | IP ADDRESS | NETWORK ERR 03 prxy noauthsup |

      @fw-2022
      Examples: 2022
        | host       | error                     |
        | PROXY HOST | Invalid proxy auth config |

  Rule: Confirm the configuration

    # "Your Proxy server must be configured to tunnel or pass through the SSL session" (2017
    # "QG SSL certval - Qualys Cloud Platform - SSL certificate validation failed"; 2022 "SSL peer
    # cert was not OK - This issue may occur when there is a proxy or intercepting device
    # interfering with the certificate exchange process").
    @PRX-003 @PRX-005 @PRX-006 @PRX-041 @PRX-042 @NREQ-012 @NREQ-013 @needs-network @needs-platform
    Scenario Outline: A proxy that terminates the SSL session (SSL bridging) does not do
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      And the proxy terminates the TLS session (SSL bridging)
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen does not show "is_jdoe"
      And the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | host       | error                         |
        | IP ADDRESS | NETWORK ERR 03 QG SSL certval |

      @fw-2022
      Examples: 2022
        | host       | error                    |
        | PROXY HOST | SSL peer cert was not OK |

    # The appliance's own SSL (HTTPS) session with the platform runs through the proxy's tunnel.
    @PRX-003 @PRX-041 @PRX-042 @needs-network @needs-platform
    Scenario Outline: Through the proxy, the appliance still makes its own SSL handshake with the platform
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      And the TLS handshake with the platform fails
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen shows "<error>"

      @fw-2017
      Examples: 2017
        | host       | error                         |
        | IP ADDRESS | NETWORK ERR 03 QG SSL handshk |

      @fw-2022
      Examples: 2022
        | host       | error                    |
        | PROXY HOST | SSL peer cert was not OK |

    # 2017: "The USER LOGIN prompt appears if the Scanner Appliance made a successful connection
    # to the Qualys Cloud Platform, however the Appliance has not been activated." ERRATA-001: no
    # USER LOGIN prompt exists; the ACTIVATION CODE screen appears, as in 2022: "The activation
    # code will appear on the screen if the Appliance has not been activated."
    @PRX-039 @PRX-040 @ERRATA-001 @needs-network
    Scenario Outline: An appliance not yet activated shows its activation code once the proxy connection works
      Given the lab network is "office-proxy"
      And the appliance is running
      Then the screen does not show "ACTIVATION CODE"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen shows "ACTIVATION CODE"
      And the screen shows the activation code
      And the screen does not show "USER LOGIN"

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

    @PRX-031 @PRX-039 @PRX-040 @ERRATA-001 @needs-network @needs-platform
    Scenario Outline: An activated appliance shows its name and IP address after a proxy change
      Given the appliance has been activated by user "jdoe"
      And the lab network is "office-proxy"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I answer the prompts in turn:
        | prompt                  | entry       |
        | CONFIG PROXY PARAMETERS |             |
        | <host>                  | 198.18.10.8 |
        | PROXY PORT:             | 3128        |
        | PROXY USER:             |             |
        | PROXY PASSW             |             |
        | REALLY ENABLE PROXY?    |             |
      And I review the confirmation messages
      Then the screen does not show "ACTIVATION CODE"
      And the screen does not show "USER LOGIN"
      And the screen shows the name "is_jdoe", the IP address "198.18.10.20" and the platform indicator

      @fw-2017
      Examples: 2017
        | host       |
        | IP ADDRESS |

      @fw-2022
      Examples: 2022
        | host       |
        | PROXY HOST |

  Rule: IPv6-only mode (2022)

    # "Proxy configuration is supported in IPv4+v6 mode (the default) and IPv6-only mode."
    # "IPv6-only mode: IPv6 addresses are allowed in expanded and collapsed formats." The
    # "ipv6-only-proxy" lab network: the Internet only through the proxy [2001:db8:10::8]:3128;
    # router advertisements give the appliance 2001:db8:10::20 and the gateway 2001:db8:10::1.
    @PRX-007 @PRX-012 @PRX-013 @PRX-016 @fw-2022 @needs-network @needs-platform
    Scenario Outline: 2022 - in IPv6-only mode PROXY HOST shows the IPv6 gateway and takes the proxy's IPv6 address in <format> format
      Given the appliance has been activated by user "jdoe"
      And the lab network is "ipv6-only-proxy"
      And the appliance has been reset to IPv6-only mode
      Then the screen does not show "is_jdoe"
      When I go to the "ENABLE PROXY" menu option
      And I press ENTER
      And I press ENTER
      Then the screen shows "PROXY HOST"
      And the field reads "2001:db8:10::1"
      When I answer the prompts in turn:
        | prompt               | entry     |
        | PROXY HOST           | <address> |
        | PROXY PORT:          | 3128      |
        | PROXY USER:          |           |
        | PROXY PASSW          |           |
        | REALLY ENABLE PROXY? |           |
      And I review the confirmation messages
      Then the screen shows the name "is_jdoe", the IP address "2001:db8:10::20" and the platform indicator

      Examples:
        | format     | address                                 |
        | compressed | 2001:db8:10::8                          |
        | expanded   | 2001:0db8:0010:0000:0000:0000:0000:0008 |
