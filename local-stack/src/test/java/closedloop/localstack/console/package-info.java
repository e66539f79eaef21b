/** Browser tests of the web console: the Debian chromium on the whole embedded default, with screenshots. */
package closedloop.localstack.console;
