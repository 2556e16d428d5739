// A user's application on the module path: it needs nothing but the core's exported API.
module demo {
    requires org.jgpuarray.core;
}
