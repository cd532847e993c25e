@guide:model-serial-number
Feature: Troubleshooting - Where can I find the model number and serial number?
  "You'll find the model number and serial number for your scanner appliance on a sticker on the
  bottom of the appliance." (2022 edition; the 2017 edition has no such section.)
  Neither guide prints a model number; serial numbers are whole numbers (ERRATA-010).

  @SER-001 @ERRATA-010 @needs-label
  Scenario: The sticker on the bottom shows the model number and the serial number
    Then the label on the bottom shows a model and a serial number
