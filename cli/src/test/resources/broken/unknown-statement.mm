# error: 3:1: unknown statement 'proces'; valid statements: scenario, summary, ref, geometry, config, rcu, file, shmem, process, cpu, kthread, check, run
scenario broken
proces P {
}
