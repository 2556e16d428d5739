"""What the PyOpenCL peers of `jgpuarray bench` share (pyopencl_small_calls.py, pyopencl_layouts.py): the OpenCL
device they measure on, announced by the `device` record the Java side reads."""
import sys

import pyopencl as cl


def open_device(wanted, script):
    """The first OpenCL device whose name contains `wanted` (any device when empty), after printing its record
    `device <TAB> platform <TAB> device <TAB> PyOpenCL version`; exits with status 4 when none matches."""
    for platform in cl.get_platforms():
        for device in platform.get_devices():
            if wanted.lower() in device.name.lower():
                print(f"device\t{platform.name}\t{device.name}\t{cl.VERSION_TEXT}", flush=True)
                return device
    print(f"{script}: no OpenCL device named like '{wanted}'", file=sys.stderr)
    sys.exit(4)
