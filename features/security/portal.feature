@guide:qs-activate @needs-portal @needs-platform
Feature: The portal's pages are behind the login and take forms only from themselves
  "On the Qualys LOGIN page, enter your user name (login) and password, and then click LOGIN."
  "Your Qualys Home page appears upon successful login."
  The guide says no more of the portal's security; the suite reads the LOGIN page as what stands
  before every page (ERRATA-402): without a session each page shows the Qualys LOGIN page and each
  form is refused; the session cookie is not readable by a page's scripts, travels only over
  HTTPS and is not sent with a request another site starts (HttpOnly, Secure, SameSite=Strict);
  a form posted from another site, or with a forged token, is refused and changes nothing; and no
  page runs a script (its Content-Security-Policy allows none, and it may not be framed).
  The pages are the ones the portal's links lead to from the Home page (the application picker,
  each application's menus, the pages they list), one of each kind: pages added later are covered
  without being listed here.

  @ACT-004 @ERRATA-402
  Scenario: Every page behind the login, every answer without scripts
    Given I am logged in to the portal as "acme_mgr"
    When I visit every page the portal links to
    Then every page visited was answered with a Content-Security-Policy that runs no script
    And the portal's session cookie is HttpOnly, Secure and SameSite=Strict
    When I log out of the portal
    Then without a session every page visited shows the "Qualys LOGIN" page
    And without a session every form of the pages visited is refused

  @ACT-004 @ERRATA-402
  Scenario: A form another site posts to the portal does not log the user out
    Given I am logged in to the portal as "acme_mgr"
    When a page of another site posts a form to the portal's "/logout"
    Then the portal refused the form
    And I am still logged in to the portal as "acme_mgr"

  @ACT-003 @ACT-004 @ERRATA-402
  Scenario: A form another site posts to the portal does not decline the licence agreement for the user
    When I log in to the portal as "jdoe"
    Then the portal shows the "License Agreement" page
    When a page of another site posts a form to the portal's "/licence"
    Then the portal refused the form
    When I open "/licence" in the portal without logging in
    Then the portal shows the "License Agreement" page
    When I accept the license agreement
    Then the portal shows the "Home" page

  @ACT-004 @ERRATA-402
  Scenario: A form of the portal sent with a forged CSRF token is refused and changes nothing
    Given I am logged in to the portal as "acme_mgr"
    When I send the "Log out" form with a forged CSRF token
    Then the portal refused the form
    And I am still logged in to the portal as "acme_mgr"
