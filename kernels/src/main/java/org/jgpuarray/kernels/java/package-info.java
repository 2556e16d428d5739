/**
 * The CPU backend's kernels: Java source generated from the same C snippets that the CUDA and OpenCL
 * backends compile, and the interfaces the generated classes implement.
 *
 * <p>{@link org.jgpuarray.kernels.java.JavaSourceGenerator} translates snippets with a lexer, a mini
 * preprocessor, a recursive-descent parser, a typer that applies C's conversion rules, and a Java emitter.
 * The supported C subset:
 * <ul>
 *   <li>Types {@code bool}, {@code int}/{@code int32_t}, {@code long}/{@code long long}/{@code int64_t}/
 *       {@code ptrdiff_t}/{@code size_t} (all 64-bit signed), {@code float}, {@code double}; {@code const}
 *       is accepted. Local arrays of constant size, with optional brace initializers.</li>
 *   <li>Statements: declarations, expression statements, blocks, {@code if}/{@code else}, {@code for},
 *       {@code while}, {@code do}/{@code while}, {@code switch} on {@code int}, {@code break},
 *       {@code continue}, {@code return} (in preamble functions), empty statements. In an operation,
 *       {@code continue} skips to the next element; a top-level {@code break} or any {@code return} is
 *       rejected because it would end a worker's whole range.</li>
 *   <li>Expressions with C precedence: all assignment operators, {@code ?:}, logical, bitwise, shift,
 *       relational, arithmetic and unary operators, {@code ++}/{@code --}, casts (also {@code float(x)}),
 *       calls, subscripts, {@code sizeof(type)}; literals in decimal, octal and hex with {@code L}/{@code LL},
 *       floating literals with an optional {@code f}, {@code true} and {@code false}.</li>
 *   <li>C semantics: integer promotion and the usual arithmetic conversions, 32/64-bit wrap-around,
 *       truncating {@code /} and {@code %}, relational and logical results of type int, any arithmetic
 *       value as a condition, implicit narrowing on assignment, bool stores 0 or 1.</li>
 *   <li>Math: {@code exp log log10 log2 exp2 expm1 log1p sqrt rsqrt cbrt sin cos tan asin acos atan sinh
 *       cosh tanh floor ceil round trunc rint fabs pow atan2 fmod hypot copysign fmin fmax fdim fma}, each
 *       also with an {@code f} suffix; {@code min max abs labs llabs isnan isinf isfinite signbit}. A float
 *       argument gives a float result, an integer one double, as with the CUDA and OpenCL C++ overloads.
 *       Constants {@code INFINITY NAN M_PI M_E M_PI_F FLT_MAX FLT_MIN FLT_EPSILON DBL_MAX DBL_MIN
 *       DBL_EPSILON INT_MAX INT_MIN LLONG_MAX LLONG_MIN}.</li>
 *   <li>Preamble: helper functions (qualifiers {@code __device__ __host__ static inline __forceinline__}
 *       dropped; scalar and array parameters; recursion and any definition order), {@code const} globals,
 *       {@code #define} (object- and function-like), {@code #undef}; {@code #pragma} is ignored.</li>
 * </ul>
 * Outside the subset, with a {@link org.jgpuarray.kernels.SnippetSyntaxException} naming the construct and
 * its column: {@code unsigned}, {@code char}, {@code short}, vector types, structs, unions, enums,
 * typedefs, pointers other than kernel and helper array parameters, pointer arithmetic, dereference,
 * address-of, {@code goto}, labels, the comma operator (except in {@code for} headers), string and
 * character literals, {@code #include}/{@code #if} and other directives, and GPU builtins such as
 * {@code threadIdx}, {@code __syncthreads}, {@code atomicAdd} or {@code get_global_id}.
 */
package org.jgpuarray.kernels.java;
