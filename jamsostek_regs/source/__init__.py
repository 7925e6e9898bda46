"""What the tool reads: region files, the standard clause library, attachments, and the
checks that need only those inputs."""
