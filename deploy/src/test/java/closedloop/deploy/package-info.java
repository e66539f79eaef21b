/** Tests that hold the deployment files (docker-compose.yml, k8s/, the realm, the images) to the code. */
package closedloop.deploy;
